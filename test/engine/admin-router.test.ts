import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdminRouter } from '../../simulators/engine/admin-router.ts';
import type { SimulatorEngine } from '../../simulators/engine/simulator-engine.ts';
import { createTestEngine, fixturePersonas, MOTHER } from './support.ts';

const servers: Server[] = [];
const engines: SimulatorEngine[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  engines.splice(0).forEach((e) => e.close());
});

async function start(): Promise<{ engine: SimulatorEngine; url: (path: string) => string }> {
  const engine = createTestEngine();
  engines.push(engine);
  const app = express();
  app.use('/__admin', createAdminRouter(engine));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { engine, url: (path) => `http://127.0.0.1:${port}/__admin${path}` };
}

const json = (body: unknown, method = 'PUT'): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('createAdminRouter', () => {
  it('reports health', async () => {
    const { url } = await start();
    const res = await fetch(url('/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', seed: 42, personas: { personaCount: 2 } });
  });

  it('replaces personas with PUT and refuses a bad set with a problem document listing every issue', async () => {
    const { url } = await start();
    const ok = await fetch(url('/personas'), json(fixturePersonas().slice(0, 1)));
    expect(await ok.json()).toEqual({ loaded: 1 });
    const bad = await fetch(url('/personas'), json([{ id: 'BAD', description: '', members: [] }]));
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await bad.json()) as { code: string; details: { issues: { path: string }[] } };
    expect(problem.code).toBe('ERR_VALIDATION');
    expect(problem.details.issues.map((i) => i.path)).toEqual(['[0].id', '[0].description', '[0].members']);
    const listed = (await (await fetch(url('/personas'))).json()) as { personas: { id: string }[] };
    expect(listed.personas.map((p) => p.id)).toEqual(['family-petrova']);
  });

  it('answers malformed JSON with a 400 problem document', async () => {
    const { url } = await start();
    const res = await fetch(url('/faults'), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{ nope' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'ERR_VALIDATION', status: 400 });
  });

  it('says there is nothing to reload when the simulator has no persona directory', async () => {
    const { url } = await start();
    const res = await fetch(url('/personas/reload'), { method: 'POST' });
    expect(res.status).toBe(404);
  });

  it('reads and replaces faults and latency, validating them', async () => {
    const { url, engine } = await start();
    const faults = { rules: [{ id: 'x', firstCalls: 1, action: { type: 'connection-reset' } }] };
    expect((await fetch(url('/faults'), json(faults))).status).toBe(200);
    expect(await (await fetch(url('/faults'))).json()).toMatchObject(faults);
    expect(engine.decide({ agency: 'fns', operation: 'Op', subject: MOTHER }).action).toEqual({ type: 'connection-reset' });
    const badLatency = await fetch(url('/latency'), json({ default: { kind: 'gaussian' } }));
    expect(badLatency.status).toBe(400);
    expect((await fetch(url('/latency'), json({ default: { kind: 'fixed', ms: 5 } }))).status).toBe(200);
    expect(engine.latency.default).toEqual({ kind: 'fixed', ms: 5 });
  });

  it('shows, resets one and resets all applicant state', async () => {
    const { url, engine } = await start();
    engine.decide({ agency: 'fns', operation: 'Op', subject: MOTHER });
    const one = await fetch(url('/state/family-petrova/mother'));
    expect(await one.json()).toMatchObject({ key: 'family-petrova/mother', calls: { 'fns/Op': 1 } });
    expect(((await (await fetch(url('/state'))).json()) as { applicants: unknown[] }).applicants).toHaveLength(1);
    expect((await fetch(url('/state/family-petrova/mother'), { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(url('/state/family-petrova/mother'))).status).toBe(404);
    engine.decide({ agency: 'fns', operation: 'Op', subject: MOTHER });
    expect((await fetch(url('/reset'), { method: 'POST' })).status).toBe(204);
    expect(engine.state.keys()).toEqual([]);
  });

  it('scripts a sequence for one applicant', async () => {
    const { url, engine } = await start();
    const res = await fetch(url('/sequences'), json({ key: 'family-petrova/mother', agency: 'fns', steps: [{ type: 'rejected', code: 'ACCESS_DENIED' }] }, 'POST'));
    expect(res.status).toBe(204);
    expect(engine.decide({ agency: 'fns', operation: 'Op', subject: MOTHER }).action).toEqual({ type: 'rejected', code: 'ACCESS_DENIED' });
  });

  it('queries the journal and fetches one entry, 404 for an unknown one', async () => {
    const { url, engine } = await start();
    const plan = engine.decide({ agency: 'fns', operation: 'Op', messageId: 'abc', subject: MOTHER });
    const entry = engine.record(plan, { request: '<r/>', response: '<a/>', status: 200 });
    engine.record(engine.decide({ agency: 'sfr', operation: 'Op', subject: MOTHER }), { status: 200 });
    const list = (await (await fetch(url('/journal?agency=fns&persona=family-petrova&messageId=abc&limit=5'))).json()) as { entries: { id: string }[] };
    expect(list.entries.map((e) => e.id)).toEqual([entry.id]);
    expect(await (await fetch(url(`/journal/${entry.id}`))).json()).toMatchObject({ messageId: 'abc', request: '<r/>' });
    expect((await fetch(url('/journal/j99999999'))).status).toBe(404);
    expect((await fetch(url('/journal?since=yesterday'))).status).toBe(400);
  });

  it('switches maintenance on and off', async () => {
    const { url, engine } = await start();
    const on = await fetch(url('/maintenance'), json({ on: true }, 'POST'));
    expect(await on.json()).toEqual({ maintenance: true });
    expect(engine.decide({ agency: 'mvd', operation: 'Op' }).action).toEqual({ type: 'maintenance' });
    expect((await fetch(url('/maintenance'), json({ on: 'yes' }, 'POST'))).status).toBe(400);
  });

  it('answers an unknown admin route with a 404 problem document', async () => {
    const { url } = await start();
    const res = await fetch(url('/nope'));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'ERR_NOT_FOUND' });
  });
});
