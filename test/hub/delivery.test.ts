/** At-least-once delivery, Ack semantics, asynchronous rejection, paused providers and attachments. */
import { afterEach, describe, expect, it } from 'vitest';
import { cast, createTestHub, delivered, deliveredResponse, expectFault, inProcess, isEmptyPoll, SFR_REQUEST, type TestHub } from './support.ts';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

function setup(extra: Parameters<typeof createTestHub>[0] = {}) {
  hub = createTestHub(extra);
  return { hub, ...cast(inProcess(hub.hub), hub.clock.now) };
}

describe('redelivery', () => {
  it('hands a message out again once it was not acknowledged within the visibility timeout', async () => {
    const { consumer, sfr, hub: h } = setup({ visibilityTimeoutMs: 1_000 });
    const sent = await consumer.sendRequest(SFR_REQUEST);
    await h.hub.whenIdle();
    expect(delivered(await sfr.getRequest()).request.requestData.messageId).toBe(sent.messageId);
    expect(isEmptyPoll(await sfr.getRequest())).toBe(true);
    expect(h.hub.queues()).toContainEqual({ owner: 'SFR', kind: 'request', depth: 1, inFlight: 1 });
    h.clock.advance(1_000);
    expect(delivered(await sfr.getRequest()).request.requestData.messageId).toBe(sent.messageId);
    expect((await sfr.ack(sent.messageId)).operation).toBe('AckResponse');
    h.clock.advance(5_000);
    expect(isEmptyPoll(await sfr.getRequest())).toBe(true);
    const events = h.hub.message(sent.messageId)!.history.map((e) => e.event);
    expect(events).toEqual(['sent', 'validated', 'delivered', 'redelivered', 'acked']);
    expect(h.hub.message(sent.messageId)!.deliveries).toBe(2);
  });

  it('accepts an Ack of a message whose timeout has passed as long as nobody took it again', async () => {
    const { consumer, sfr, hub: h } = setup({ visibilityTimeoutMs: 1_000 });
    const sent = await consumer.sendRequest(SFR_REQUEST);
    await h.hub.whenIdle();
    delivered(await sfr.getRequest());
    h.clock.advance(10_000);
    expect((await sfr.ack(sent.messageId)).operation).toBe('AckResponse');
    expect(isEmptyPoll(await sfr.getRequest())).toBe(true);
  });
});

describe('Ack with accepted=false', () => {
  it('removes the message from the queue, records the refusal and leaves the request status where it was', async () => {
    const { consumer, sfr, hub: h } = setup({ visibilityTimeoutMs: 1_000 });
    const sent = await consumer.sendRequest(SFR_REQUEST);
    await h.hub.whenIdle();
    delivered(await sfr.getRequest());
    expect((await sfr.ack(sent.messageId, false)).operation).toBe('AckResponse');
    h.clock.advance(5_000);
    expect(isEmptyPoll(await sfr.getRequest())).toBe(true);
    const view = h.hub.message(sent.messageId)!;
    expect(view).toMatchObject({ state: 'acked', ackAccepted: false, status: 'messageIsDelivered' });
    expect(view.history.at(-1)).toMatchObject({ event: 'acked', details: 'accepted=false', party: 'SFR' });
  });
});

describe('asynchronous rejection', () => {
  it('accepts a payload that fails its XSD, then puts a signed rejection from smev into the consumer’s response queue', async () => {
    const { consumer, sfr, hub: h } = setup();
    const broken = SFR_REQUEST.replace('<BirthDate>1988-04-12</BirthDate>', '<BirthDate>12.04.1988</BirthDate>');
    const sent = await consumer.sendRequest(broken);
    if (sent.envelope.operation !== 'SendRequestResponse') throw new Error(sent.envelope.operation);
    expect(sent.envelope.metadata.status).toBe('requestIsQueued');
    await h.hub.whenIdle();

    expect(isEmptyPoll(await sfr.getRequest())).toBe(true);
    const message = deliveredResponse(await consumer.getResponse());
    const { response } = message;
    expect(response.originalMessageId).toBe(sent.messageId);
    expect(response.metadata.sender?.mnemonic).toBe('smev');
    expect(response.responseData.id).toBe('SIGNED_ASYNC_BY_SMEV');
    const body = response.responseData.body;
    if (body.kind !== 'async') throw new Error(body.kind);
    expect(body.asyncStatus.statusCategory).toBe('requestIsRejectedBySmev');
    expect(body.asyncStatus.smevFault?.type).toBe('InvalidContent');
    expect(body.asyncStatus.smevFault?.description).toMatch(/^SMEV-403:/);
    expect(body.asyncStatus.smevFault?.validationErrors?.[0]?.message).toMatch(/BirthDate/);

    expect((await consumer.ack(response.responseData.messageId)).operation).toBe('AckResponse');
    expect(isEmptyPoll(await consumer.getResponse())).toBe(true);

    const status = await consumer.getStatus();
    if (status.operation !== 'GetStatusResponse' || !status.message) throw new Error('expected a status notice');
    expect(status.message.statusData.status).toMatchObject({ originalMessageId: sent.messageId, statusCategory: 'requestIsRejectedBySmev' });
    expect(status.message.statusData.status.smevFault?.type).toBe('InvalidContent');
    expect(h.hub.message(sent.messageId)).toMatchObject({ state: 'rejected', status: 'requestIsRejectedBySmev' });
  });
});

describe('paused providers', () => {
  it('get empty GetRequest answers until resumed, and nothing is lost meanwhile', async () => {
    const { consumer, sfr, hub: h } = setup();
    h.hub.pauseProvider('SFR');
    const sent = await consumer.sendRequest(SFR_REQUEST);
    await h.hub.whenIdle();
    expect(isEmptyPoll(await sfr.getRequest())).toBe(true);
    expect(h.hub.pausedProviders()).toEqual(['SFR']);
    h.hub.resumeProvider('SFR');
    expect(delivered(await sfr.getRequest()).request.requestData.messageId).toBe(sent.messageId);
  });
});

describe('attachments', () => {
  it('delivers inline attachments with the request and turns by-reference headers into FSAttachmentsList', async () => {
    const { consumer, sfr, hub: h } = setup();
    const content = Buffer.from('%PDF-1.4 tiny').toString('base64');
    await consumer.sendRequest(SFR_REQUEST, {
      attachments: [{ id: 'doc1', content }],
      fields: {
        attachmentHeaders: [{ contentId: 'doc1', mimeType: 'application/pdf' }],
        refAttachmentHeaders: [{ uuid: '3f1c2a4e-0000-4000-8000-000000000001', hash: 'AAAA', mimeType: 'application/pdf' }],
      },
    });
    await h.hub.whenIdle();
    const message = delivered(await sfr.getRequest());
    expect(message.attachmentContents).toEqual([{ id: 'doc1', content }]);
    expect(message.request.fsAttachments).toEqual([{ uuid: '3f1c2a4e-0000-4000-8000-000000000001', userName: 'anonymous', password: 'smev', fileName: '3f1c2a4e-0000-4000-8000-000000000001' }]);
    expect(message.request.requestData.refAttachmentHeaders?.[0]?.hash).toBe('AAAA');
  });

  it('refuses attachment contents without matching headers with AttachmentContentMiscoordination', async () => {
    const { consumer } = setup();
    const sent = await consumer.sendRequest(SFR_REQUEST, { attachments: [{ id: 'orphan', content: 'AAAA' }] });
    expect(expectFault(sent.envelope).fault?.name).toBe('AttachmentContentMiscoordination');
  });
});
