import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { OPENAPI_PATH, renderOpenApi } from '../../decision/api/openapi.ts';
import type { RunningDecisionService } from '../../decision/server.ts';
import { family } from './family.ts';
import { getJson, postJson, startFakeGateway, startService, tempDir, testEnv, waitUntilNotified } from './support.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0).reverse()) await stop();
});

async function service(people = family(6_000_000).people): Promise<RunningDecisionService> {
  const gateway = await startFakeGateway(people);
  cleanup.push(() => gateway.close());
  const tmp = tempDir();
  cleanup.push(() => tmp.remove());
  const running = await startService(testEnv(gateway.url, tmp.dir));
  cleanup.push(() => running.close());
  return running;
}

describe('decision service intake', () => {
  it('answers 400 listing every problem of an invalid application at once', async () => {
    const s = await service();
    const { status, body } = await postJson(`${s.url}/v1/applications`, {
      measure: 'children-3-to-7',
      applicationDate: '2026-13-01',
      applicant: { snils: '123-456-789 00', name: { family: '' }, birthDate: 'yesterday' },
      children: [],
      contact: { email: 'not-an-email' },
      applicationId: 'mine',
    }, { 'idempotency-key': 'has spaces' });
    expect(status).toBe(400);
    expect(body.code).toBe('ERR_VALIDATION');
    const paths = ((body.details as { issues: { path: string }[] }).issues).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['header Idempotency-Key', 'applicationId', 'contact.email', 'applicationDate', 'applicant.snils', 'applicant.name.family', 'applicant.name.first', 'applicant.birthDate', 'children']));
  });

  it('answers 400 for an unknown measure and for a body that is not JSON', async () => {
    const s = await service();
    const unknown = await postJson(`${s.url}/v1/applications`, { measure: 'free-money', applicant: {} });
    expect(unknown.status).toBe(400);
    const response = await fetch(`${s.url}/v1/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{ nope' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('returns the same id for a resubmission with the same Idempotency-Key and refuses the key with another body', async () => {
    const f = family(6_000_000);
    const s = await service(f.people);
    const first = await postJson(`${s.url}/v1/applications`, f.application, { 'idempotency-key': 'portal-42' });
    const again = await postJson(`${s.url}/v1/applications`, { ...f.application }, { 'idempotency-key': 'portal-42' });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await postJson(`${s.url}/v1/applications`, { ...f.application, applicationDate: '2026-11-17' }, { 'idempotency-key': 'portal-42' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('ERR_IDEMPOTENCY_KEY_REUSED');
    const list = await getJson(`${s.url}/v1/applications`);
    expect((list.body.items as unknown[]).length).toBe(1);
  });

  it('lists applications filtered by status, measure, decision and application date, page by page', async () => {
    const f = family(6_000_000);
    const s = await service(f.people);
    const ids: string[] = [];
    for (const date of ['2026-11-16', '2026-11-17', '2026-11-18']) {
      const { body } = await postJson(`${s.url}/v1/applications`, { ...f.application, applicationDate: date });
      ids.push(body.id as string);
    }
    for (const id of ids) await waitUntilNotified(s.url, id);
    const all = await getJson(`${s.url}/v1/applications?status=notified&measure=children-3-to-7&decision=granted`);
    expect((all.body.items as { id: string }[]).map((i) => i.id)).toEqual([...ids].reverse());
    const ranged = await getJson(`${s.url}/v1/applications?from=2026-11-17&to=2026-11-17`);
    expect((ranged.body.items as { id: string }[]).map((i) => i.id)).toEqual([ids[1]]);
    const none = await getJson(`${s.url}/v1/applications?measure=birth-gift`);
    expect(none.body.items).toEqual([]);
    const page1 = await getJson(`${s.url}/v1/applications?limit=2`);
    expect((page1.body.items as unknown[]).length).toBe(2);
    const page2 = await getJson(`${s.url}/v1/applications?limit=2&cursor=${String(page1.body.nextCursor)}`);
    expect((page2.body.items as { id: string }[]).map((i) => i.id)).toEqual([ids[0]]);
    expect(page2.body.nextCursor).toBeNull();
    const bad = await getJson(`${s.url}/v1/applications?status=lost&limit=0`);
    expect(bad.status).toBe(400);
    expect(((bad.body.details as { issues: unknown[] }).issues).length).toBe(2);
  });

  it('answers 404 as a problem for an unknown application, and serves health, readiness and the OpenAPI document', async () => {
    const s = await service();
    const missing = await getJson(`${s.url}/v1/applications/nope`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('ERR_NOT_FOUND');
    expect((await getJson(`${s.url}/healthz`)).status).toBe(200);
    const ready = await getJson(`${s.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.body.worker).toBe('running');
    const openapi = await getJson(`${s.url}/openapi.json`);
    expect(openapi.body.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.body.paths as object).sort()).toEqual(['/healthz', '/openapi.json', '/readyz', '/v1/applications', '/v1/applications/{id}']);
  });

  it('has a checked-in OpenAPI document equal to what the generator produces (run `npx tsx decision/api/openapi.ts` after a change)', () => {
    expect(readFileSync(OPENAPI_PATH, 'utf8')).toBe(renderOpenApi());
  });
});
