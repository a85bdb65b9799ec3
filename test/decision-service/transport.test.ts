/**
 * How the decision service talks to the gateway and writes its notice files: node:http by default and an injected
 * fetch when given (both reach the same answers), a redirect or a timeout as "gateway unavailable", and notice files
 * written again after their dir was removed.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { NoticeFileWriter } from '../../decision/notify/notice-file-writer.ts';
import { GATEWAY_BATCH_LIMIT, GatewayClient, GatewayUnavailableError, type GatewayClientOptions } from '../../decision/worker/gateway-client.ts';
import { family } from './family.ts';
import { cannedFacts, listen, startFakeGateway, tempDir } from './support.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0).reverse()) await stop();
});

const OPTIONS = { apiKey: 'demo-decision-key', waitMs: 1_000, deadlineMs: 5_000, pollIntervalMs: 20, timeoutMs: 2_000 };
const PURPOSE = { measure: 'children-3-to-7', caseNumber: 'case-1' };

function client(url: string, extra: Partial<GatewayClientOptions> = {}): GatewayClient {
  return new GatewayClient({ url, ...OPTIONS, ...extra });
}

describe('decision service gateway client', () => {
  it('gets the same facts through node:http and through an injected fetch, which sees every call', async () => {
    const f = family(6_000_000);
    const gateway = await startFakeGateway(f.people);
    cleanup.push(() => gateway.close());
    const ask = { slot: { role: 'applicant' as const }, subject: f.mother, groups: ['income' as const] };
    const direct = await client(gateway.url).facts(ask, PURPOSE, '2026-11-16', 'case-1');
    const seen: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      seen.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return fetch(input, init);
    };
    const injected = await client(gateway.url, { fetch: recordingFetch }).facts(ask, PURPOSE, '2026-11-16', 'case-1');
    expect(direct.ok && injected.ok).toBe(true);
    if (!direct.ok || !injected.ok) return;
    expect(direct.facts.facts.income.length).toBeGreaterThan(0);
    expect(injected.facts.facts.income.map((i) => i.data)).toEqual(direct.facts.facts.income.map((i) => i.data));
    expect(seen).toEqual([`POST ${gateway.url}/v1/facts`]);
    expect(gateway.requests).toHaveLength(2);
  });

  it('counts a redirect, a slow answer and a refused connection as the gateway being unavailable', async () => {
    const app = express();
    app.post('/moved/v1/facts', (_req, res) => res.redirect(307, '/v1/facts'));
    app.post('/slow/v1/facts', () => {});
    const server = await listen(app);
    cleanup.push(() => server.close());
    const ask = { slot: { role: 'applicant' as const }, subject: family(1).mother, groups: ['income' as const] };
    await expect(client(`${server.url}/moved`).facts(ask, PURPOSE, '2026-11-16', 'c')).rejects.toThrow(GatewayUnavailableError);
    await expect(client(`${server.url}/slow`, { timeoutMs: 200 }).facts(ask, PURPOSE, '2026-11-16', 'c')).rejects.toThrow(/could not be reached.*timed out/);
    await expect(client('http://127.0.0.1:9').facts(ask, PURPOSE, '2026-11-16', 'c')).rejects.toThrow(GatewayUnavailableError);
  });
});

describe('decision service gateway client: several people at once', () => {
  const asksFor = (f: ReturnType<typeof family>) =>
    [f.mother, f.father, ...f.children].map((subject, index) => ({ slot: { role: 'familyMembers' as const, index }, subject, groups: ['income' as const] }));

  it('asks about every person in one batch and hands back each one\'s facts, in order', async () => {
    const f = family(6_000_000);
    const gateway = await startFakeGateway(f.people);
    cleanup.push(() => gateway.close());
    const results = await client(gateway.url).factsForAll(asksFor(f), PURPOSE, '2026-11-16', 'case-1');
    expect(gateway.batches).toBe(1);
    expect(results.map((r) => (r.ok ? r.facts.subject.snils : r.code))).toEqual([f.mother, f.father, ...f.children].map((p) => p.snils));
  });

  it(`splits more than ${GATEWAY_BATCH_LIMIT} people into batches of at most ${GATEWAY_BATCH_LIMIT}, answers still in order`, async () => {
    const f = family(6_000_000);
    const gateway = await startFakeGateway(f.people);
    cleanup.push(() => gateway.close());
    const people = [f.mother, f.father, ...f.children];
    const asks = Array.from({ length: GATEWAY_BATCH_LIMIT + 3 }, (_, index) => ({ slot: { role: 'familyMembers' as const, index }, subject: people[index % people.length]!, groups: ['income' as const] }));
    const results = await client(gateway.url).factsForAll(asks, PURPOSE, '2026-11-16', 'case-1');
    expect(gateway.batches).toBe(2);
    expect(results.map((r) => (r.ok ? r.facts.subject.snils : r.code))).toEqual(asks.map((a) => a.subject.snils));
  });

  it('falls back to one request per person when the gateway has no batch route, and does not try the batch again', async () => {
    const f = family(6_000_000);
    const gateway = await startFakeGateway(f.people, { batch: false });
    cleanup.push(() => gateway.close());
    const seen: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      seen.push(String(input).replace(gateway.url, ''));
      return fetch(input, init);
    };
    const c = client(gateway.url, { fetch: recordingFetch });
    for (let round = 0; round < 2; round++) {
      const results = await c.factsForAll(asksFor(f), PURPOSE, '2026-11-16', 'case-1');
      expect(results.every((r) => r.ok)).toBe(true);
    }
    expect(seen.filter((path) => path === '/v1/facts/batch')).toHaveLength(1);
    expect(seen.filter((path) => path === '/v1/facts')).toHaveLength(8);
  });

  it('polls a pending request of a batch at its own path, keeps a refused one as refused, and fails over a batch the gateway cannot serve', async () => {
    const f = family(6_000_000);
    const mother = f.mother;
    let polls = 0;
    let down = false;
    const app = express();
    app.post('/v1/facts/batch', (_req, res) => {
      if (down) return void res.status(503).json({ code: 'ERR_INTERNAL' });
      res.json({
        results: [
          { status: 202, headers: {}, body: { requestId: 'r-1', status: 'pending', poll: '/v1/facts/requests/r-1' } },
          { status: 403, headers: {}, body: { code: 'ERR_FORBIDDEN', status: 403 } },
        ],
      });
    });
    app.get('/v1/facts/requests/r-1', (_req, res) => {
      polls++;
      if (polls < 2) return void res.status(202).json({ requestId: 'r-1', status: 'pending', poll: '/v1/facts/requests/r-1' });
      res.json(cannedFacts(mother, f.people.get(mother.snils), ['income']));
    });
    const server = await listen(app);
    cleanup.push(() => server.close());
    const asks = asksFor(f).slice(0, 2);
    const [pending, refused] = await client(server.url).factsForAll(asks, PURPOSE, '2026-11-16', 'case-1');
    expect(pending).toMatchObject({ ok: true, facts: { subject: { snils: mother.snils } } });
    expect(refused).toEqual({ ok: false, status: 403, code: 'ERR_FORBIDDEN' });
    expect(polls).toBe(2);
    down = true;
    await expect(client(server.url).factsForAll(asks, PURPOSE, '2026-11-16', 'case-1')).rejects.toThrow(GatewayUnavailableError);
  });
});

describe('decision service notice files', () => {
  it('writes a batch atomically and writes again after the outbox dir was removed', async () => {
    const tmp = tempDir();
    cleanup.push(() => tmp.remove());
    const dir = join(tmp.dir, 'outbox');
    const writer = new NoticeFileWriter(dir);
    cleanup.push(() => writer.close());
    expect(await writer.write([{ name: 'a.eml', content: 'first' }, { name: 'b.eml', content: 'second' }])).toEqual([undefined, undefined]);
    expect(readFileSync(join(dir, 'b.eml'), 'utf8')).toBe('second');
    rmSync(dir, { recursive: true });
    expect(await writer.write([{ name: 'c.eml', content: 'third' }])).toEqual([undefined]);
    expect(readFileSync(join(dir, 'c.eml'), 'utf8')).toBe('third');
    expect(existsSync(join(dir, '.c.eml.tmp'))).toBe(false);
  });

  it('reports a file that cannot be written without failing the others', async () => {
    const tmp = tempDir();
    cleanup.push(() => tmp.remove());
    const writer = new NoticeFileWriter(tmp.dir);
    cleanup.push(() => writer.close());
    const [bad, good] = await writer.write([{ name: 'no-such-dir/x.eml', content: 'x' }, { name: 'ok.eml', content: 'ok' }]);
    expect((bad as NodeJS.ErrnoException | undefined)?.code).toBe('ENOENT');
    expect(good).toBeUndefined();
    expect(readFileSync(join(tmp.dir, 'ok.eml'), 'utf8')).toBe('ok');
  });
});
