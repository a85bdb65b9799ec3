/** The hub over HTTP: versioned endpoints, WSDL for generic SOAP clients, the admin API, option validation. */
import { afterEach, describe, expect, it } from 'vitest';
import * as soap from 'soap';
import { defaultHubOptionsFromFixtures, startHub, type RunningHub } from '../../simulators/hub/index.ts';
import { cast, delivered, overHttp, SFR_NS, SFR_REQUEST, TestClock } from './support.ts';

let running: RunningHub | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(): Promise<RunningHub> {
  running = await startHub({ ...defaultHubOptionsFromFixtures(), port: 0 }, { logger: { error: () => undefined } });
  return running;
}

const json = async (response: Response): Promise<Record<string, unknown>> => (await response.json()) as Record<string, unknown>;

describe('endpoints', () => {
  it('serves 1.1, 1.2 and 1.3 on /smev/v1.x/ws with the real SOAP answers', async () => {
    const hub = await start();
    expect(hub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/smev\/v1\.2\/ws$/);
    for (const version of ['1.1', '1.2', '1.3'] as const) {
      const { consumer } = cast(overHttp(hub.urls), () => new Date(), version);
      expect((await consumer.sendRequest(SFR_REQUEST)).envelope.operation).toBe('SendRequestResponse');
    }
  });

  it('refuses an envelope of another version than the endpoint’s with InvalidContent', async () => {
    const hub = await start();
    const { consumer } = cast(overHttp({ ...hub.urls, '1.3': hub.urls['1.2'] }), () => new Date(), '1.3');
    const answer = (await consumer.sendRequest(SFR_REQUEST)).envelope;
    expect(answer.operation === 'Fault' && answer.fault?.name).toBe('InvalidContent');
  });

  it('publishes a WSDL that node-soap builds a client from, with the six operations at this address', async () => {
    const hub = await start();
    const client = await soap.createClientAsync(`${hub.url}?wsdl`);
    const description = client.describe() as Record<string, Record<string, Record<string, unknown>>>;
    const operations = Object.keys(description['SMEVMessageExchangeService']?.['SMEVMessageExchangeEndpoint'] ?? {}).sort();
    expect(operations).toEqual(['Ack', 'GetRequest', 'GetResponse', 'GetStatus', 'SendRequest', 'SendResponse']);
    const wsdl = await (await fetch(`${hub.urls['1.3']}?wsdl`)).text();
    expect(wsdl).toContain('message-exchange/types/1.3');
    expect(wsdl).toContain(`location="${hub.urls['1.3']}"`);
  });
});

describe('admin API', () => {
  it('reports health, the registry, queue depths and a message with its history; purges and pauses', async () => {
    const hub = await start();
    const admin = hub.adminUrl;
    expect(await json(await fetch(`${admin}/health`))).toMatchObject({ status: 'ok', store: 'memory', systems: 8 });
    const registry = (await json(await fetch(`${admin}/registry`)))['registry'] as { provider: string; localName: string }[];
    expect(registry).toContainEqual(expect.objectContaining({ provider: 'SFR', localName: 'AssignedBenefitsRequest' }));
    expect(new Set(registry.map((e) => e.provider))).toEqual(new Set(['SFR', 'FNS', 'FRI', 'GIS-ZHKH', 'ZAGS', 'MVD']));

    const { consumer, sfr } = cast(overHttp(hub.urls), () => new Date());
    expect((await (await fetch(`${admin}/providers/SFR/pause`, { method: 'POST' })).json())).toEqual({ provider: 'SFR', paused: true });
    const sent = await consumer.sendRequest(SFR_REQUEST);
    await hub.hub.whenIdle();
    expect((await sfr.getRequest()).operation === 'GetRequestResponse').toBe(true);
    const queues = await json(await fetch(`${admin}/queues`));
    expect(queues['queues']).toContainEqual({ owner: 'SFR', kind: 'request', depth: 1, inFlight: 0 });
    expect(queues['pausedProviders']).toEqual(['SFR']);
    await fetch(`${admin}/providers/SFR/resume`, { method: 'POST' });
    expect(delivered(await sfr.getRequest()).request.requestData.messageId).toBe(sent.messageId);

    const message = await json(await fetch(`${admin}/messages/${sent.messageId}`));
    expect(message).toMatchObject({ kind: 'request', sender: 'CONSUMER', recipient: 'SFR', state: 'in-flight', messageType: { namespaceUri: SFR_NS } });
    expect((message['history'] as { event: string }[]).map((h) => h.event)).toEqual(['sent', 'validated', 'delivered']);

    const purged = await json(await fetch(`${admin}/queues/purge`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ owner: 'SFR', kind: 'request' }) }));
    expect(purged['purgedMessageIds']).toEqual([sent.messageId]);
    expect((await json(await fetch(`${admin}/queues`)))['queues']).not.toContainEqual(expect.objectContaining({ owner: 'SFR', kind: 'request' }));
  });

  it('answers problem documents for unknown messages, unknown providers and invalid purge bodies', async () => {
    const hub = await start();
    expect((await fetch(`${hub.adminUrl}/messages/nope`)).status).toBe(404);
    expect((await fetch(`${hub.adminUrl}/providers/CONSUMER/pause`, { method: 'POST' })).status).toBe(404);
    const bad = await fetch(`${hub.adminUrl}/queues/purge`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'everything' }) });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('options', () => {
  it('refuses a registry entry naming a provider that is not a system, listing the problem', async () => {
    const defaults = defaultHubOptionsFromFixtures();
    await expect(startHub({ ...defaults, registry: [{ namespaceUri: 'urn:x', localName: 'X', provider: 'NOBODY' }] })).rejects.toThrow(/provider NOBODY is not in systems/);
  });

  it('freezes the resolved options and fills the documented defaults', async () => {
    const hub = await start();
    const options = hub.hub.options;
    expect(Object.isFrozen(options)).toBe(true);
    expect(options).toMatchObject({ visibilityTimeoutMs: 30_000, staleMessageIdAfterMs: 2 * 24 * 3600 * 1000, inlineAttachmentLimitBytes: 5 * 1024 * 1024 });
    expect(new TestClock().now()).toBeInstanceOf(Date);
  });
});
