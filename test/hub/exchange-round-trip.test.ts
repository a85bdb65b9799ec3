/** The happy path of every operation: send, poll, ack, answer, poll, ack, status — each hop signed and verifiable. */
import { afterEach, describe, expect, it } from 'vitest';
import { TrustList, verifyDetached } from '../../core/smev/signature/index.ts';
import type { SmevVersion } from '../../core/smev/envelope/index.ts';
import { cast, fixtureKeyOf, createTestHub, delivered, deliveredResponse, inProcess, isEmptyPoll, KEYS_DIR, SFR_NS, SFR_PENSIONS_REQUEST, SFR_REQUEST, SFR_RESPONSE, type TestHub } from './support.ts';
import { join } from 'node:path';

const TRUST = TrustList.fromDirectory(join(KEYS_DIR, 'trust'));
let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

function signersOf(document: Document): string[] {
  return verifyDetached(document, { trust: TRUST }).map((r) => {
    if (!r.ok) throw r.error;
    return `${r.referenceUri} by ${fixtureKeyOf(r.certificate.fingerprint256)}`;
  });
}

describe.each(['1.2', '1.3', '1.1'] as SmevVersion[])('a full exchange over message-exchange %s', (version) => {
  it('carries a request to its provider and the answer back to the consumer, with every signature intact', async () => {
    hub = createTestHub();
    const { consumer, sfr } = cast(inProcess(hub.hub), hub.clock.now, version);

    const sent = await consumer.sendRequest(SFR_REQUEST);
    expect(sent.envelope.operation).toBe('SendRequestResponse');
    if (sent.envelope.operation !== 'SendRequestResponse') return;
    expect(sent.envelope.metadata.status).toBe('requestIsQueued');
    expect(sent.envelope.metadata.recipient?.mnemonic).toBe('SFR');
    expect(sent.envelope.metadata.sender?.mnemonic).toBe('CONSUMER');
    expect(signersOf(sent.envelope.document)).toEqual(['#SIGNED_BY_SMEV by hub']);

    // Not deliverable before the asynchronous payload check has passed.
    expect(isEmptyPoll(await sfr.getRequest())).toBe(true);
    await hub.hub.whenIdle();

    const request = delivered(await sfr.getRequest());
    expect(request.request.requestData.messageId).toBe(sent.messageId);
    expect(request.request.requestData.content.localName).toBe('AssignedBenefitsRequest');
    expect(request.request.metadata.sender?.mnemonic).toBe('CONSUMER');
    expect(request.request.replyTo).toBeTruthy();
    const replyTo = JSON.parse(Buffer.from(request.request.replyTo!, 'base64').toString('utf8')) as Record<string, unknown>;
    expect(replyTo).toMatchObject({ mid: sent.messageId, mnm: 'CONSUMER' });
    expect(signersOf(request.request.element.ownerDocument!).sort()).toEqual(['#SIGNED_BY_CONSUMER by consumer', '#SIGNED_BY_SMEV by hub']);
    expect((await sfr.ack(sent.messageId)).operation).toBe('AckResponse');

    const answered = await sfr.sendResponse(request.request.replyTo!, { kind: 'content', content: SFR_RESPONSE });
    expect(answered.envelope.operation).toBe('SendResponseResponse');

    const response = deliveredResponse(await consumer.getResponse({ namespaceUri: SFR_NS, rootElementLocalName: 'AssignedBenefitsRequest' }));
    expect(response.response.originalMessageId).toBe(sent.messageId);
    expect(response.response.responseData.messageId).toBe(answered.messageId);
    expect(response.response.metadata.status).toBe(version === '1.1' ? 'responseIsDelivered' : 'messageIsDelivered');
    expect(response.response.metadata.sender?.mnemonic).toBe('SFR');
    expect(signersOf(response.response.element.ownerDocument!).sort()).toEqual(['#SIGNED_BY_CONSUMER by sfr', '#SIGNED_BY_SMEV by hub']);
    expect((await consumer.ack(answered.messageId)).operation).toBe('AckResponse');

    expect(isEmptyPoll(await consumer.getResponse())).toBe(true);
    expect(isEmptyPoll(await sfr.getRequest())).toBe(true);

    const history = hub.hub.message(sent.messageId)!.history.map((h) => `${h.event}:${h.status}`);
    const delivered1 = version === '1.1' ? 'underProcessing' : 'messageIsDelivered';
    expect(history).toEqual([
      'sent:requestIsQueued',
      'validated:requestIsAcceptedBySmev',
      `delivered:${delivered1}`,
      'acked:underProcessing',
      'answered:responseIsAcceptedBySmev',
    ]);
    expect(hub.hub.message(answered.messageId)!.state).toBe('acked');
  });
});

describe('GetStatus', () => {
  it('reports the status moves of the sender’s own messages in order, signed by the hub, then answers empty', async () => {
    hub = createTestHub();
    const { consumer, sfr } = cast(inProcess(hub.hub), hub.clock.now);
    const sent = await consumer.sendRequest(SFR_REQUEST);
    await hub.hub.whenIdle();
    const request = delivered(await sfr.getRequest());
    await sfr.ack(sent.messageId);
    await sfr.sendResponse(request.request.replyTo!, { kind: 'status', status: { code: 2, description: 'Запрос принят в обработку' } });

    const seen: string[] = [];
    for (;;) {
      const status = await consumer.getStatus();
      if (status.operation !== 'GetStatusResponse') throw new Error(status.operation);
      if (!status.message) break;
      expect(status.message.statusData.status.originalMessageId).toBe(sent.messageId);
      expect(signersOf(status.document)).toEqual(['#SIGNED_BY_SMEV by hub']);
      seen.push(status.message.statusData.status.statusCategory);
    }
    expect(seen).toEqual(['requestIsAcceptedBySmev', 'messageIsDelivered', 'responseIsAcceptedBySmev']);
    expect(isEmptyPoll(await sfr.getStatus())).toBe(true);
  });
});

describe('selectors', () => {
  it('narrows GetRequest to one message type and leaves the others queued', async () => {
    hub = createTestHub();
    const { consumer, sfr } = cast(inProcess(hub.hub), hub.clock.now);
    const first = await consumer.sendRequest(SFR_REQUEST);
    const second = await consumer.sendRequest(SFR_PENSIONS_REQUEST);
    await hub.hub.whenIdle();
    const pensions = delivered(await sfr.getRequest({ namespaceUri: SFR_NS, rootElementLocalName: 'PensionsAndPaymentsRequest' }));
    expect(pensions.request.requestData.messageId).toBe(second.messageId);
    expect(isEmptyPoll(await sfr.getRequest({ namespaceUri: SFR_NS, rootElementLocalName: 'PensionsAndPaymentsRequest' }))).toBe(true);
    expect(delivered(await sfr.getRequest()).request.requestData.messageId).toBe(first.messageId);
  });

  it('refuses a GetRequest selector naming a type the caller does not provide with UnknownMessageType', async () => {
    hub = createTestHub();
    const { fns, consumer } = cast(inProcess(hub.hub), hub.clock.now);
    const answer = await fns.getRequest({ namespaceUri: SFR_NS, rootElementLocalName: 'AssignedBenefitsRequest' });
    expect(answer.operation === 'Fault' && answer.fault?.name).toBe('UnknownMessageType');
    const unknown = await consumer.getResponse({ namespaceUri: 'urn:nowhere', rootElementLocalName: 'Nothing' });
    expect(unknown.operation === 'Fault' && unknown.fault?.name).toBe('UnknownMessageType');
  });

  it('keeps responses to other request types out of a GetResponse with a selector', async () => {
    hub = createTestHub();
    const { consumer, sfr } = cast(inProcess(hub.hub), hub.clock.now);
    await consumer.sendRequest(SFR_REQUEST);
    await hub.hub.whenIdle();
    const request = delivered(await sfr.getRequest());
    await sfr.sendResponse(request.request.replyTo!, { kind: 'content', content: SFR_RESPONSE });
    expect(isEmptyPoll(await consumer.getResponse({ namespaceUri: SFR_NS, rootElementLocalName: 'PensionsAndPaymentsRequest' }))).toBe(true);
    expect(deliveredResponse(await consumer.getResponse()).response.metadata.sender?.mnemonic).toBe('SFR');
  });
});
