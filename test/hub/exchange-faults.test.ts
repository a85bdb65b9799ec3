/** Every synchronous fault the hub raises, in the shape the real exchange sends (SOAP 1.1 fault, SMEV detail). */
import { afterEach, describe, expect, it } from 'vitest';
import { buildGetRequestRequest, buildGetResponseRequest, generateMessageId } from '../../core/smev/envelope/index.ts';
import { defaultHubOptionsFromFixtures } from '../../simulators/hub/index.ts';
import { cast, createTestHub, delivered, expectFault, inProcess, SFR_REQUEST, SFR_RESPONSE, type TestHub } from './support.ts';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

function setup(extra: Parameters<typeof createTestHub>[0] = {}) {
  hub = createTestHub(extra);
  return { hub, ...cast(inProcess(hub.hub), hub.clock.now) };
}

describe('signature faults', () => {
  it('answers NoSignatureFound to an unsigned request', async () => {
    const { consumer } = setup();
    const fault = expectFault((await consumer.sendRequest(SFR_REQUEST, { unsigned: true })).envelope);
    expect(fault.fault?.name).toBe('SignatureVerificationFault');
    expect(fault.fault?.details.signatureFaultCode).toBe('NoSignatureFound');
    expect(fault.fault?.smevCode).toBe('SMEV-100');
  });

  it('answers CertificateIsNotFound to a signature by a system that is not registered', async () => {
    const { untrusted } = setup();
    const fault = expectFault((await untrusted.sendRequest(SFR_REQUEST)).envelope);
    expect(fault.fault?.details.signatureFaultCode).toBe('CertificateIsNotFound');
  });

  it('answers SignatureIsInvalid when the signed data was changed after signing', async () => {
    const { consumer } = setup();
    const tampered = await consumer.sendRequest(SFR_REQUEST, { afterSigning: (xml) => xml.replace('Мария', 'Марина') });
    expect(expectFault(tampered.envelope).fault?.details.signatureFaultCode).toBe('SignatureIsInvalid');
  });

  it('checks the signature of polls and acks too', async () => {
    const { sfr, consumer } = setup();
    const poll = await sfr.call(buildGetRequestRequest({ version: '1.2', selector: { timestamp: new Date() } }), 'urn:GetRequest', { unsigned: true });
    expect(expectFault(poll).fault?.details.signatureFaultCode).toBe('NoSignatureFound');
    const ack = await consumer.ack(generateMessageId(), true);
    expect(expectFault(ack).fault?.name).toBe('TargetMessageIsNotFound');
  });
});

describe('MessageID faults', () => {
  it('answers InvalidMessageIdFormat to a version-4 UUID', async () => {
    const { consumer } = setup();
    const v1 = generateMessageId();
    const v4 = `${v1.slice(0, 14)}4${v1.slice(15)}`;
    const sent = await consumer.sendRequest(SFR_REQUEST, { afterSigning: (xml) => xml.replace(v1, v4), messageId: v1 });
    expect(expectFault(sent.envelope).fault?.name).toBe('InvalidMessageIdFormat');
  });

  it('answers MessageIsAlreadySent to a second send with the same MessageID, which clients treat as success', async () => {
    const { consumer } = setup();
    const first = await consumer.sendRequest(SFR_REQUEST);
    expect(first.envelope.operation).toBe('SendRequestResponse');
    const again = expectFault((await consumer.sendRequest(SFR_REQUEST, { messageId: first.messageId })).envelope);
    expect(again.fault?.name).toBe('MessageIsAlreadySent');
    expect(again.fault?.spec?.treatAsSuccess).toBe(true);
  });

  it('answers StaleMessageId to an id minted more than the stale window ago', async () => {
    const { consumer, hub: h } = setup({ staleMessageIdAfterMs: 60_000 });
    const old = generateMessageId(new Date(h.clock.now().getTime() - 120_000));
    expect(expectFault((await consumer.sendRequest(SFR_REQUEST, { messageId: old })).envelope).fault?.name).toBe('StaleMessageId');
  });
});

describe('routing faults', () => {
  it('answers BusinessDataTypeIsNotSupported, naming the root, to a payload of an unregistered type', async () => {
    const { consumer } = setup();
    const fault = expectFault((await consumer.sendRequest('<x:Unknown xmlns:x="urn:nowhere"><x:a>1</x:a></x:Unknown>')).envelope);
    expect(fault.fault?.name).toBe('BusinessDataTypeIsNotSupported');
    expect(fault.fault?.details).toMatchObject({ rootElementLocalName: 'Unknown', rootElementNamespaceUri: 'urn:nowhere' });
  });

  it('answers AccessDenied to a consumer the type does not allow', async () => {
    const defaults = defaultHubOptionsFromFixtures();
    const registry = defaults.registry.map((e) => (e.provider === 'SFR' ? { ...e, allowedConsumers: ['MVD'] } : e));
    const { consumer, mvd } = setup({ registry });
    expect(expectFault((await consumer.sendRequest(SFR_REQUEST)).envelope).fault?.name).toBe('AccessDenied');
    expect((await mvd.sendRequest(SFR_REQUEST)).envelope.operation).toBe('SendRequestResponse');
  });

  it('answers RecipientIsNotFound to a response whose To is no ReplyTo the hub issued, or one issued to another provider', async () => {
    const { consumer, sfr, fns, hub: h } = setup();
    const forged = Buffer.from(JSON.stringify({ sid: 1, mid: generateMessageId(), eol: 0, slc: 'x', mnm: 'CONSUMER' })).toString('base64');
    expect(expectFault((await sfr.sendResponse(forged, { kind: 'content', content: SFR_RESPONSE })).envelope).fault?.name).toBe('RecipientIsNotFound');
    await consumer.sendRequest(SFR_REQUEST);
    await h.hub.whenIdle();
    const replyTo = delivered(await sfr.getRequest()).request.replyTo!;
    expect(expectFault((await fns.sendResponse(replyTo, { kind: 'rejected', rejections: [{ code: 'NO_DATA', description: 'нет' }] })).envelope).fault?.name).toBe('RecipientIsNotFound');
  });

  it('answers TargetMessageIsNotFound to an Ack for a message handed to someone else', async () => {
    const { consumer, sfr, fns, hub: h } = setup();
    const sent = await consumer.sendRequest(SFR_REQUEST);
    await h.hub.whenIdle();
    delivered(await sfr.getRequest());
    expect(expectFault(await fns.ack(sent.messageId)).fault?.name).toBe('TargetMessageIsNotFound');
    expect((await sfr.ack(sent.messageId)).operation).toBe('AckResponse');
    expect(expectFault(await sfr.ack(sent.messageId)).fault?.name).toBe('TargetMessageIsNotFound');
  });
});

describe('attachment and envelope faults', () => {
  it('answers AttachmentSizeLimitExceeded with both sizes when inline attachments exceed the limit', async () => {
    const { consumer } = setup({ inlineAttachmentLimitBytes: 10 });
    const sent = await consumer.sendRequest(SFR_REQUEST, {
      attachments: [{ id: 'a1', content: Buffer.from('more than ten bytes').toString('base64') }],
      fields: { attachmentHeaders: [{ contentId: 'a1', mimeType: 'text/plain' }] },
    });
    const fault = expectFault(sent.envelope);
    expect(fault.fault?.name).toBe('AttachmentSizeLimitExceeded');
    expect(fault.fault?.details).toMatchObject({ permittedTotalAttachmentSize: 10, realTotalAttachmentSize: 19 });
  });

  it('answers InvalidContent to bytes that are not a SOAP envelope, and to a SOAPAction naming another operation', async () => {
    const { hub: h, consumer } = setup();
    const garbage = h.hub.handleSoap('1.2', Buffer.from('hello'), 'text/xml');
    expect(garbage.status).toBe(500);
    expect(garbage.xml).toContain('InvalidContent');
    const wrongAction = await consumer.call(buildGetResponseRequest({ version: '1.2', selector: { timestamp: new Date() } }), 'urn:SendRequest');
    expect(expectFault(wrongAction).fault?.name).toBe('InvalidContent');
  });
});
