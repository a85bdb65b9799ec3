/**
 * The audit log a real gateway writes (hash chain verified, tampering detected), the correlation id carried from
 * the request into the audit record and onto the agency call, and the 202 + poll path for a slow agency.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../gateway/audit/index.ts';
import { loadGatewayConfig } from '../../gateway/config/config.ts';
import { DEMO_CONSUMER_KEY } from '../../gateway/config/consumers.ts';
import { createLogger } from '../../gateway/observability/index.ts';
import { startGateway } from '../../gateway/server.ts';
import { createDirectTransport } from '../../gateway/transport/direct-transport.ts';
import { FAST_ENV, VASILIEV, envFor, outcomesByAgency, postFacts, startSimulators, startTestGateway, type Simulators } from './support.ts';

let sims: Simulators;
let dir: string;

beforeAll(async () => {
  sims = await startSimulators();
  dir = mkdtempSync(join(tmpdir(), 'gateway-audit-'));
});
afterAll(async () => {
  await sims?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('audit log', () => {
  it('appends every facts request to a hash chain that verifies, and detects a tampered record', async () => {
    const path = join(dir, 'audit.jsonl');
    const config = loadGatewayConfig({ ...envFor(sims.urls), ...FAST_ENV, AUDIT_LOG_PATH: path });
    const sentHeaders: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      sentHeaders.push(new Headers(init?.headers).get('x-correlation-id') ?? '');
      return fetch(input, init);
    };
    const running = await startGateway(config, {
      logger: createLogger({ level: 'silent' }),
      transport: createDirectTransport({ agencyUrls: config.agencyUrls, signing: config.signing, trust: config.trust, fetch: recordingFetch }),
    });
    try {
      const answered = await postFacts(running.url, { ...VASILIEV, groups: ['residence'] }, { 'x-correlation-id': 'case-42.req-1' });
      expect(answered.headers.get('x-correlation-id')).toBe('case-42.req-1');
      await postFacts(running.url, { ...VASILIEV, groups: ['income'], purpose: { caseNumber: 'Д-17' } });
    } finally {
      await running.close();
    }
    expect(sentHeaders[0]).toBe('case-42.req-1');
    expect(await verifyAuditLog(path)).toMatchObject({ ok: true, records: 2 });
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ correlationId: 'case-42.req-1', consumer: 'decision', purpose: { measure: 'utility-compensation' }, agencies: ['mvd'], outcome: 'answered' });
    expect(lines[0].subject.snils).toBe('22747739803');
    expect(lines[1]).toMatchObject({ purpose: { caseNumber: 'Д-17' }, agencies: ['fns'] });

    writeFileSync(path, readFileSync(path, 'utf8').replace('"outcome":"answered"', '"outcome":"refused"'));
    expect(await verifyAuditLog(path)).toMatchObject({ ok: false, line: 1, kind: 'hash-mismatch' });
  });
});

describe('slow agencies', () => {
  it('answers 202 with a poll path when the wait runs out, then 200 with the facts when ready', async () => {
    const gateway = await startTestGateway(sims, { GATEWAY_AGENCY_TIMEOUT_MS: '5000' });
    sims.engine.setLatency({ agencies: { fri: { default: { kind: 'fixed', ms: 600 } } } });
    try {
      const response = await postFacts(gateway.url, { ...VASILIEV, groups: ['residence', 'disability'], wait: { maxMs: 100 } });
      expect(response.status).toBe(202);
      const pending = await response.json();
      expect(pending).toMatchObject({ status: 'pending', poll: `/v1/facts/requests/${pending.requestId}` });
      expect(outcomesByAgency(pending)['fri']?.status).toBe('pending');
      expect(response.headers.get('location')).toBe(pending.poll);

      const stillRunning = await fetch(`${gateway.url}${pending.poll}`, { headers: { 'x-api-key': DEMO_CONSUMER_KEY } });
      expect(stillRunning.status).toBe(202);
      let done: Response = stillRunning;
      for (let i = 0; i < 50 && done.status === 202; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        done = await fetch(`${gateway.url}${pending.poll}`, { headers: { 'x-api-key': DEMO_CONSUMER_KEY } });
      }
      expect(done.status).toBe(200);
      const outcomes = outcomesByAgency(await done.json());
      expect(outcomes['fri']?.status).toBe('answered');
      expect(outcomes['mvd']?.status).toBe('answered');
      expect(gateway.audit.records.at(-1)).toMatchObject({ outcome: 'answered' });

      const unknown = await fetch(`${gateway.url}/v1/facts/requests/00000000-0000-4000-8000-000000000000`, { headers: { 'x-api-key': DEMO_CONSUMER_KEY } });
      expect(unknown.status).toBe(404);
    } finally {
      sims.engine.setLatency({ agencies: {} });
      await gateway.close();
    }
  });
});
