import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { family } from './family.ts';
import { getJson, postJson, startFakeGateway, startService, tempDir, testEnv, waitFor, waitUntilNotified, type FakeGateway } from './support.ts';
import type { RunningDecisionService } from '../../decision/server.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0).reverse()) await stop();
});

async function stack(people: Parameters<typeof startFakeGateway>[0], extra: Record<string, string> = {}): Promise<{ gateway: FakeGateway; service: RunningDecisionService; dir: string }> {
  const gateway = await startFakeGateway(people);
  cleanup.push(() => gateway.close());
  const tmp = tempDir();
  cleanup.push(() => tmp.remove());
  const service = await startService(testEnv(gateway.url, tmp.dir, extra));
  cleanup.push(() => service.close());
  return { gateway, service, dir: tmp.dir };
}

describe('decision service processing', () => {
  it('takes a granted application through received, requests sent, facts received, decided and notified, with the amount and the trace', async () => {
    const f = family(6_000_000);
    const { gateway, service, dir } = await stack(f.people);
    const submitted = await postJson(`${service.url}/v1/applications`, { ...f.application, contact: { email: 'applicant@example.org' } });
    expect(submitted.status).toBe(202);
    expect(submitted.body.status).toBe('received');
    const id = submitted.body.id as string;
    const done = await waitUntilNotified(service.url, id);
    const timeline = done.timeline as { status: string; at: string }[];
    expect(timeline.map((t) => t.status)).toEqual(['received', 'requests-sent', 'facts-received', 'decided', 'notified']);
    const times = timeline.map((t) => Date.parse(t.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const decision = done.decision as Record<string, unknown>;
    expect(decision.kind).toBe('granted');
    expect(decision.amountKopecks).toBe(3_320_550);
    expect(decision.amount).toBe('33 205.50 ₽');
    expect(decision.period).toEqual({ from: '2026-11-01', to: '2027-10-31' });
    const trace = done.trace as { steps: unknown[]; text: string };
    expect(trace.steps.length).toBeGreaterThan(2);
    expect(trace.text).toContain('per-capita income: 15 000.00 ₽');
    // One request per person, as of the application date, over the assessment period from the parameters.
    expect(gateway.requests).toHaveLength(4);
    for (const r of gateway.requests) {
      expect(r.asOf).toBe('2026-11-16');
      expect(r.purpose).toEqual({ measure: 'children-3-to-7', caseNumber: id });
      expect(r.groups).toEqual(expect.arrayContaining(['income', 'pensions']));
    }
    expect(gateway.requests[0]?.period).toEqual({ from: '2025-10-01', to: '2026-09-30' });
    // The decision notice is an e-mail-ready file addressed to the applicant, in Russian and English.
    const files = readdirSync(join(dir, 'outbox')).filter((n) => n.endsWith('.eml'));
    expect(files).toHaveLength(4);
    const notice = readFileSync(join(dir, 'outbox', files.find((n) => n.includes('-decided-')) ?? ''), 'utf8');
    expect(notice).toContain('To: <applicant@example.org>');
    expect(notice).toContain('Решение: назначено 33 205.50 ₽ ежемесячно с 2026-11-01 по 2027-10-31.');
    expect(notice).toContain('Decision: granted 33 205.50 ₽ monthly from 2026-11-01 to 2027-10-31.');
    expect(notice).toMatch(/^Subject: =\?UTF-8\?B\?/m);
  });

  it('refuses an application whose family income is above the minimum and ties the reason to the income facts', async () => {
    const f = family(30_000_000);
    const { service } = await stack(f.people);
    const { body } = await postJson(`${service.url}/v1/applications`, f.application);
    const done = await waitUntilNotified(service.url, body.id as string);
    const decision = done.decision as { kind: string; reasons: { code: string; facts: { agency: string; group?: string; messageId?: string; person: { role: string } }[] }[] };
    expect(decision.kind).toBe('refused');
    expect(decision.reasons.map((r) => r.code)).toEqual(['INCOME_NOT_BELOW_THRESHOLD']);
    const facts = decision.reasons[0]?.facts ?? [];
    expect(facts.length).toBeGreaterThan(0);
    expect(facts.some((r) => r.agency === 'fns' && r.group === 'income' && r.messageId !== undefined)).toBe(true);
    expect((done.timeline as { status: string }[]).map((t) => t.status)).toEqual(['received', 'requests-sent', 'facts-received', 'decided', 'notified']);
  });

  it('sends the application to manual review, not refusal, when an agency stayed unavailable after the gateway retries', async () => {
    const f = family(30_000_000, { fatherFns: 'failed' });
    const { service } = await stack(f.people);
    const { body } = await postJson(`${service.url}/v1/applications`, f.application);
    const done = await waitUntilNotified(service.url, body.id as string);
    const decision = done.decision as { kind: string; reasons: { code: string; facts: { agencyStatus: string; agency: string }[] }[] };
    expect(decision.kind).toBe('manual-review');
    expect(decision.reasons[0]?.code).toBe('FACT_UNAVAILABLE');
    expect(decision.reasons[0]?.facts[0]).toMatchObject({ agency: 'fns', agencyStatus: 'failed' });
    expect((done.timeline as { status: string }[]).map((t) => t.status)).toEqual(['received', 'requests-sent', 'facts-received', 'manual-review', 'notified']);
  });

  it('sends an answer whose signature was not verified to manual review', async () => {
    const f = family(6_000_000, { unverifiedZags: true });
    const { service } = await stack(f.people);
    const { body } = await postJson(`${service.url}/v1/applications`, f.application);
    const done = await waitUntilNotified(service.url, body.id as string);
    const decision = done.decision as { kind: string; reasons: { code: string }[] };
    expect(decision.kind).toBe('manual-review');
    expect(decision.reasons.map((r) => r.code)).toContain('FACT_UNVERIFIED');
  });

  it('keeps the application pending while the gateway is unreachable and decides it once the gateway is back', async () => {
    const f = family(6_000_000);
    const { gateway, service } = await stack(f.people);
    gateway.down = true;
    const { body } = await postJson(`${service.url}/v1/applications`, f.application);
    const id = body.id as string;
    const pending = await waitFor(async () => {
      const { body: view } = await getJson(`${service.url}/v1/applications/${id}`);
      const processing = view.processing as { attempts: number; lastError?: string };
      return processing.attempts >= 2 ? view : undefined;
    }, 10_000, 'two attempts');
    expect(pending.decision).toBeNull();
    expect(pending.status).toBe('requests-sent');
    expect((pending.processing as { lastError: string }).lastError).toContain('503');
    gateway.down = false;
    const done = await waitUntilNotified(service.url, id);
    expect((done.decision as { kind: string }).kind).toBe('granted');
  });
});
