/**
 * Test support for the decision service: a FAKE gateway (a tiny express app answering POST /v1/facts and its batch with canned
 * facts per SNILS, filtered to the groups asked), a builder of canned people, a webhook receiver, and a helper
 * that starts the service on 127.0.0.1:0 with a throw-away data dir.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import type { AgencyCode, AgencyOutcome, ApplicantFacts, FactGroup, FactsByGroup, SubjectIdentifiers } from '../../core/facts/index.ts';
import { snilsCheckDigits } from '../../core/facts/index.ts';
import { loadDecisionConfig } from '../../decision/config.ts';
import { startDecisionService, type RunningDecisionService } from '../../decision/server.ts';

const GROUP_AGENCY: Record<FactGroup, AgencyCode> = {
  identity: 'sfr', income: 'fns', pensions: 'sfr', assignedBenefits: 'sfr', disability: 'fri', housing: 'gis-zhkh', residence: 'mvd', births: 'zags', deaths: 'zags',
};

let counter = 0;
/** A checksum-valid SNILS from a running number (unique per test run). */
export function snils(): string {
  counter += 1;
  const body = String(200_000_000 + counter * 7919).padStart(9, '0');
  return `${body}${snilsCheckDigits(body)}`;
}

function messageId(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

export function person(family: string, birthDate: string): SubjectIdentifiers & { snils: string } {
  return { snils: snils(), name: { family, first: 'Тест' }, birthDate };
}

type GroupData = Partial<{ [G in keyof FactsByGroup]: FactsByGroup[G][number]['data'][] }>;

/** What the fake gateway knows about one person: data per group, and agencies answering otherwise than "answered". */
export interface CannedPerson {
  readonly data: GroupData;
  readonly outcomes?: Partial<Record<AgencyCode, 'no-data' | 'failed' | 'pending'>>;
  readonly unverified?: readonly AgencyCode[];
}

export function cannedFacts(subject: SubjectIdentifiers, canned: CannedPerson | undefined, groups: readonly FactGroup[]): ApplicantFacts {
  const facts: FactsByGroup = { identity: [], income: [], pensions: [], assignedBenefits: [], disability: [], housing: [], residence: [], births: [], deaths: [] };
  const outcomes = new Map<AgencyCode, AgencyOutcome>();
  for (const group of groups) {
    const agency = GROUP_AGENCY[group];
    const status = canned === undefined ? 'no-data' : (canned.outcomes?.[agency] ?? ((canned.data[group]?.length ?? 0) > 0 ? 'answered' : 'no-data'));
    const known = outcomes.get(agency);
    if (status === 'failed') outcomes.set(agency, { agency, status, error: { code: 'ERR_AGENCY_UNAVAILABLE', message: 'unavailable after retries', retryable: true } });
    else if (known === undefined || known.status === 'no-data') outcomes.set(agency, { agency, status });
    if (status !== 'answered') continue;
    const verified = !(canned?.unverified ?? []).includes(agency);
    const list = (canned?.data[group] ?? []).map((data) => ({ data, provenance: { agency, messageId: messageId(), receivedAt: new Date().toISOString(), signatureVerified: verified, request: { messageId: messageId() } } }));
    (facts[group] as unknown[]).push(...list);
  }
  return { schemaVersion: '1.0', subject, facts, outcomes: [...outcomes.values()] };
}

export interface FakeGateway {
  readonly url: string;
  /** Every facts request received (POST /v1/facts bodies and each request of a batch). */
  readonly requests: { subject: SubjectIdentifiers; groups: FactGroup[]; period?: unknown; asOf?: string; purpose: unknown }[];
  /** How many POST /v1/facts/batch calls came in. */
  batches: number;
  /** While true, every request answers 503 (the gateway is "down"). */
  down: boolean;
  close(): Promise<void>;
}

/** `batch: false` plays a gateway without POST /v1/facts/batch (it answers 404 there). */
export async function startFakeGateway(people: Map<string, CannedPerson>, options: { delayMs?: number; batch?: boolean } = {}): Promise<FakeGateway> {
  const app = express();
  app.use(express.json());
  const state: FakeGateway = { url: '', requests: [], batches: 0, down: false, close: async () => {} };
  const answer = (body: FakeGateway['requests'][number]): unknown => {
    state.requests.push(body);
    const { dwelling: _dwelling, ...subject } = body.subject as SubjectIdentifiers & { dwelling?: unknown };
    return cannedFacts(subject, subject.snils === undefined ? undefined : people.get(subject.snils), body.groups);
  };
  const refused = (req: express.Request, res: express.Response): boolean => {
    if (req.get('x-api-key') !== 'demo-decision-key') return void res.status(401).json({ code: 'ERR_UNAUTHENTICATED' }), true;
    if (state.down) return void res.status(503).json({ code: 'ERR_INTERNAL' }), true;
    return false;
  };
  const delay = () => (options.delayMs === undefined ? undefined : new Promise((r) => setTimeout(r, options.delayMs)));
  app.post('/v1/facts', async (req, res) => {
    if (refused(req, res)) return;
    const facts = answer(req.body as FakeGateway['requests'][number]);
    await delay();
    res.json(facts);
  });
  if (options.batch !== false) {
    app.post('/v1/facts/batch', async (req, res) => {
      if (refused(req, res)) return;
      state.batches++;
      const results = (req.body as { requests: FakeGateway['requests'] }).requests.map((body) => ({ status: 200, headers: {}, body: answer(body) }));
      await delay();
      res.json({ results });
    });
  }
  const running = await listen(app);
  return Object.assign(state, { url: running.url, close: running.close });
}

export async function listen(app: express.Express): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

export function tempDir(prefix = 'decision-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Environment for a test service: fast polling and retries, silent logs. */
export function testEnv(gatewayUrl: string, dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DECISION_PORT: '0',
    GATEWAY_URL: gatewayUrl,
    DECISION_DATA_DIR: dataDir,
    DECISION_POLL_INTERVAL_MS: '20',
    DECISION_RETRY_MIN_MS: '50',
    DECISION_RETRY_MAX_MS: '200',
    DECISION_GATEWAY_WAIT_MS: '2000',
    LOG_LEVEL: 'silent',
    ...extra,
  };
}

export function startService(env: Record<string, string>): Promise<RunningDecisionService> {
  return startDecisionService(loadDecisionConfig(env));
}

export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

/** Polls GET /v1/applications/:id until it has a decision and the "notified" status. */
export async function waitUntilNotified(baseUrl: string, id: string, timeoutMs = 10_000): Promise<Record<string, unknown>> {
  return waitFor(async () => {
    const { body } = await getJson(`${baseUrl}/v1/applications/${id}`);
    return body.status === 'notified' ? body : undefined;
  }, timeoutMs, `application ${id} to be notified`);
}
