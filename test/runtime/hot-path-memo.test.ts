/**
 * The simulator's hot-path memo (simulators/runtime/hot-path-memo.ts) changes cost, never behaviour: the same
 * bytes with and without it (message id aside), every call still planned by the engine and journaled, persona
 * reloads and fault changes seen at once, and every distinct request still checked against the XSD.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildDirectRequest, buildSignedDirectRequest } from '../../core/direct-soap/index.ts';
import { generateMessageId } from '../../core/smev/envelope/index.ts';
import type { SimulatorEngine } from '../../simulators/engine/index.ts';
import { createAgencySimulators } from '../../simulators/agencies.ts';
import { BoundedLru } from '../../simulators/runtime/bounded-lru.ts';
import { requestMemoKey } from '../../simulators/runtime/request-memo-key.ts';
import { startAgencySimulator, type RunningAgencySimulator, type StartAgencySimulatorOptions } from '../../simulators/runtime/server.ts';
import { AGENCY_SIGNING, CONSUMER_SIGNING, GET_INCOME, MOTHER_SNILS, PERSONAS, TRUST, createEngine, fakeFnsSimulator, incomeRequestXml } from './support.ts';

const TODAY = new Date('2026-11-16T09:00:00Z');
const opened: { running: RunningAgencySimulator; engine: SimulatorEngine }[] = [];

afterEach(async () => {
  for (const { running, engine } of opened.splice(0)) {
    await running.close();
    engine.close();
  }
});

async function start(extra: Partial<StartAgencySimulatorOptions> = {}, engine: SimulatorEngine = createEngine()): Promise<{ url: string; engine: SimulatorEngine }> {
  const running = await startAgencySimulator({ simulator: fakeFnsSimulator, engine, signing: AGENCY_SIGNING, now: () => TODAY, logger: { error: () => undefined }, ...extra });
  opened.push({ running, engine });
  return { url: running.url, engine };
}

async function post(url: string, xml: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${GET_INCOME.soapAction}"` }, body: xml });
  return { status: response.status, body: await response.text() };
}

const request = (snils = MOTHER_SNILS, messageId = generateMessageId()): string => buildDirectRequest({ payloadXml: incomeRequestXml(snils), messageId }).xml;
const MESSAGE_ID = /<kit:MessageID>[^<]*<\/kit:MessageID>/g;
const withoutIds = (xml: string): string => xml.replace(MESSAGE_ID, '<kit:MessageID/>');

describe('hot-path memo', () => {
  for (const signAnswers of [true, false]) {
    it(`answers the same bytes with and without the memo (${signAnswers ? 'signed' : 'unsigned'}), a fresh message id each call`, async () => {
      const memoized = await start({ signAnswers });
      const plain = await start({ signAnswers, memo: false });
      const ids = new Set<string>();
      for (let i = 0; i < 3; i += 1) {
        const xml = request();
        const a = await post(memoized.url, xml);
        const b = await post(plain.url, xml);
        expect(a.status).toBe(200);
        expect(withoutIds(a.body)).toBe(withoutIds(b.body));
        expect(a.body.length).toBe(b.body.length);
        ids.add(a.body.match(MESSAGE_ID)![0]);
      }
      expect(ids.size).toBe(3);
      // Every call is journaled with its own request message id and the bytes actually sent.
      const journal = memoized.engine.journal.query({ agency: 'fns' });
      expect(journal).toHaveLength(3);
      expect(new Set(journal.map((e) => e.messageId)).size).toBe(3);
      expect(journal.map((e) => withoutIds(e.response ?? ''))).toEqual(plain.engine.journal.query({ agency: 'fns' }).map((e) => withoutIds(e.response ?? '')));
      expect(memoized.engine.journal.stats().bytes).toBe(plain.engine.journal.stats().bytes);
    });
  }

  it("remembers a signed request, yet refuses it once the caller's certificate is no longer valid, and refuses a changed signature", async () => {
    let now = TODAY;
    const { url, engine } = await start({ trust: TRUST, requireSignedRequests: true, now: () => now });
    const signed = (messageId = generateMessageId()): string => buildSignedDirectRequest({ payloadXml: incomeRequestXml(MOTHER_SNILS), messageId }, CONSUMER_SIGNING).xml;
    expect((await post(url, signed())).status).toBe(200);
    expect((await post(url, signed())).status).toBe(200); // a fresh message id: the same memo key
    const tampered = signed().replace(/<ds:SignatureValue>(.)/, (_m, first: string) => `<ds:SignatureValue>${first === 'A' ? 'B' : 'A'}`);
    const refusedTampered = await post(url, tampered);
    expect(refusedTampered.status).toBe(400);
    expect(refusedTampered.body).toContain('SignatureVerificationFault');
    // The fixture certificates end in 2046: the same remembered bytes are refused after that, as the full path would.
    now = new Date('2047-01-01T00:00:00Z');
    const expired = await post(url, signed());
    expect(expired.status).toBe(400);
    expect(expired.body).toContain('SignatureVerificationFault');
    expect(engine.journal.query({ agency: 'fns' }).map((e) => e.status).reverse()).toEqual([200, 200, 400, 400]); // newest first
  });

  it('gives the real fns simulator byte-identical answers with and without the memo', async () => {
    const fns = createAgencySimulators(createEngine()).find((s) => s.agency === 'fns')!;
    const memoized = await start({ simulator: fns });
    const plain = await start({ simulator: fns, memo: false });
    const xml = request();
    for (let i = 0; i < 2; i += 1) expect(withoutIds((await post(memoized.url, xml)).body)).toBe(withoutIds((await post(plain.url, xml)).body));
  });

  it('still lets the engine plan every call: faults, counters and their removal', async () => {
    const { url, engine } = await start();
    const xml = request();
    expect((await post(url, xml)).status).toBe(200);
    engine.setFaults({ rules: [{ id: 'down', action: { type: 'http-status', status: 503 } }] });
    expect((await post(url, xml)).status).toBe(503);
    engine.setFaults({ rules: [] });
    expect((await post(url, xml)).status).toBe(200);
    engine.setMaintenance(true);
    expect((await post(url, xml)).status).toBe(503);
    engine.setMaintenance(false);
    const state = engine.inspectState('family-petrova/mother');
    if (state === undefined || Array.isArray(state)) throw new Error('expected one applicant');
    expect(Object.values(state.calls).reduce((sum, n) => sum + n, 0)).toBe(4);
    expect(engine.journal.query({ agency: 'fns' }).map((e) => e.status)).toEqual([503, 200, 503, 200]);
  });

  it('keys memoized work by a generation that persona loads and engine configuration changes move', () => {
    const engine = createEngine();
    const seen = new Set([engine.generation]);
    engine.personas.replace(PERSONAS);
    seen.add(engine.generation);
    engine.setFaults({ rules: [] });
    seen.add(engine.generation);
    engine.setMaintenance(false);
    seen.add(engine.generation);
    engine.setLatency({});
    seen.add(engine.generation);
    expect(seen.size).toBe(5);
    expect(engine.personas.replace({ nonsense: true }).ok).toBe(false);
    expect(seen.has(engine.generation)).toBe(true); // a refused load installs nothing and invalidates nothing
    engine.close();
  });

  it('sees a persona reload at once', async () => {
    const { url, engine } = await start();
    const xml = request();
    expect((await post(url, xml)).body).toContain('45000.00');
    const changed = structuredClone(PERSONAS);
    changed[0]!.members[0]!.agencies.fns.incomes[0]!.amount = '46000.00';
    expect(engine.personas.replace(changed).ok).toBe(true);
    const after = (await post(url, xml)).body;
    expect(after).toContain('46000.00');
    expect(after).not.toContain('45000.00');
  });

  it('checks every distinct request against the XSD, and refuses an invalid one every time', async () => {
    const { url } = await start();
    expect((await post(url, request())).status).toBe(200);
    const broken = buildDirectRequest({ payloadXml: incomeRequestXml(MOTHER_SNILS).replace('1985-03-20', '20.03.1985'), messageId: generateMessageId() }).xml;
    expect((await post(url, broken)).status).toBe(400);
    expect((await post(url, broken)).status).toBe(400);
  });
});

describe('message id slot', () => {
  it('does not mistake an earlier MessageID element with the same text for the message id', async () => {
    const { url, engine } = await start();
    const id = generateMessageId();
    const decoy = (text: string): string => request(MOTHER_SNILS, id).replace('<soap:Header>', `<soap:Header><x:MessageID xmlns:x="urn:decoy">${text}</x:MessageID>`);
    expect((await post(url, decoy(id))).status).toBe(200);
    expect((await post(url, decoy(id.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))))).status).toBe(200);
    expect(engine.journal.query({ agency: 'fns' }).map((e) => e.messageId)).toEqual([id, id]);
  });
});

describe('node:http front listener', () => {
  it('hands a chunked SOAP post to express, which answers it the same way', async () => {
    const { url } = await start({ signAnswers: false });
    const xml = request();
    const direct = await post(url, xml);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(xml));
        controller.close();
      },
    });
    const init = { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${GET_INCOME.soapAction}"` }, body: stream, duplex: 'half' } as RequestInit;
    const chunked = await fetch(url, init);
    expect(chunked.status).toBe(200);
    expect(withoutIds(await chunked.text())).toBe(withoutIds(direct.body));
  });
});

describe('request memo key', () => {
  const key = (xml: string) => requestMemoKey(Buffer.from(xml), 'text/xml', '"a"', 1 << 16);

  it('leaves out a token message id, so two calls differing only in it share a key', () => {
    const a = key(request(MOTHER_SNILS, '6f1c1a00-cb1e-11f0-8000-000000000001'))!;
    const b = key(request(MOTHER_SNILS, '6f1c1a00-cb1e-11f0-8000-000000000002'))!;
    expect(a.slot).toBe('6f1c1a00-cb1e-11f0-8000-000000000001');
    expect(a.key).toBe(b.key);
    expect(key(request('112-233-445 96', '6f1c1a00-cb1e-11f0-8000-000000000001'))!.key).not.toBe(a.key);
  });

  it('keys on all bytes when the message id is not a plain token or its tag has attributes', () => {
    expect(key('<a><kit:MessageID>x&amp;y</kit:MessageID></a>')!.slot).toBeUndefined();
    expect(key('<a><kit:MessageID a="1">xy</kit:MessageID></a>')!.slot).toBeUndefined();
    expect(key('<a><kit:MessageID>xy</other:MessageID></a>')!.slot).toBeUndefined();
    expect(key('<a><MessageID>xy</MessageID></a>')!.slot).toBe('xy');
  });

  it('remembers nothing for bodies over the size limit', () => {
    expect(requestMemoKey(Buffer.alloc(10), 't', 'a', 9)).toBeUndefined();
  });
});

describe('BoundedLru', () => {
  it('keeps within its entry and byte bounds, evicting the least recently used', () => {
    const lru = new BoundedLru<string, number>({ maxEntries: 2, maxBytes: 10 });
    lru.set('a', 1, 4);
    lru.set('b', 2, 4);
    lru.get('a');
    lru.set('c', 3, 4);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    lru.set('d', 4, 8);
    expect(lru.size).toBe(1);
    expect(lru.bytes).toBe(8);
    lru.set('huge', 5, 11);
    expect(lru.get('huge')).toBeUndefined();
  });
});
