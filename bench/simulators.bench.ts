/**
 * Fixed-answer SOAP throughput of one agency simulator (fns) against Mountebank and a bare node:http server,
 * with unsigned and with signed answers (issue 3's benchmark; goal: at least 10× Mountebank and half the bare server).
 *
 * Fairness rules, kept for every target:
 * - the same request bytes (an unsigned direct-SOAP IncomeRequest for a demo persona, see buildRequest) and the same
 *   answer bytes: the simulator's answer is captured first and Mountebank and the bare server replay it (they can
 *   only replay; the simulator's answers differ from the capture only in the kit:MessageID UUID, same length);
 * - keep-alive everywhere (Mountebank answers `Connection: close` unless its stub says keep-alive);
 * - one load generator (autocannon, in this process, 10 connections, the same warm-up and run time), and every
 *   server in a child process of its own, so no server shares an event loop with the load generator;
 * - everything on 127.0.0.1 with ports picked at run time, started here and stopped at the end, also on error.
 *
 * The simulator runs with validateAnswers: false (the self-check of its own answers against the XSD is a debugging
 * aid, on by default) and, for the unsigned rows, signAnswers: false. With its hot-path memo (the default,
 * simulators/runtime/hot-path-memo.ts) a repeated request is parsed, XSD-checked, written and signed once, and
 * every call is still planned by the engine (persona lookup, counters, faults), journaled and given a fresh
 * message id. The "memo off" rows (memo: false) parse, validate, match, build, sign and journal on every call:
 * what a stream of all-distinct requests costs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { fnsContract } from '../core/contracts/index.ts';
import { SOAP11_CONTENT_TYPE, SOAP_ENV_NS, buildDirectRequest, soapActionHeader } from '../core/direct-soap/index.ts';

const root = join(import.meta.dirname, '..');
const TARGET_SCRIPT = join(import.meta.dirname, 'simulators-target.ts');
const MB_SCRIPT = join(root, 'node_modules/@mbtest/mountebank/bin/mb');
const PERSONA_FILE = 'fixtures/personas/children-3-7-belova-income-just-below-threshold.json';
const CONNECTIONS = 10;
const START_TIMEOUT_MS = 30_000;

interface Persona {
  members: { key: string; person: { snils: string; inn?: string; name: { family: string; first: string; patronymic?: string }; birthDate: string; documents?: { kind: string; series: string; number: string }[] } }[];
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An unsigned direct-SOAP GetIncome request for the mother of a demo persona, with a fixed message id. */
function buildRequest(): string {
  const persona = JSON.parse(readFileSync(join(root, PERSONA_FILE), 'utf8')) as Persona;
  const mother = persona.members.find((m) => m.key === 'mother');
  if (!mother) throw new Error(`${PERSONA_FILE}: no mother`);
  const { person } = mother;
  const passport = person.documents?.find((d) => d.kind === 'passport-rf');
  const leaf = (name: string, value: string | undefined): string => (value === undefined ? '' : `<${name}>${escapeXml(value)}</${name}>`);
  const payloadXml =
    `<IncomeRequest xmlns="${fnsContract.namespace}">` +
    leaf('RequestId', 'bench-0001') +
    leaf('Snils', person.snils) +
    leaf('Inn', person.inn) +
    `<Person>${leaf('FamilyName', person.name.family)}${leaf('FirstName', person.name.first)}${leaf('Patronymic', person.name.patronymic)}</Person>` +
    leaf('BirthDate', person.birthDate) +
    (passport ? `<IdentityDocument><DocumentCode>21</DocumentCode>${leaf('SeriesNumber', `${passport.series.slice(0, 2)} ${passport.series.slice(2)} ${passport.number}`)}</IdentityDocument>` : '') +
    `<Period><From>2025-01-01</From><To>2025-12-31</To></Period>` +
    `</IncomeRequest>`;
  return buildDirectRequest({ payloadXml, messageId: '6f1c1a00-cb1e-11f0-8000-000000000001' }).xml;
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes

const children = new Set<ChildProcess>();

function killAll(signal: NodeJS.Signals): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    children.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end();
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
  children.delete(child);
}

function track(child: ChildProcess, label: string): ChildProcess {
  children.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  child.once('exit', (code, signal) => {
    if (code !== 0 && code !== null && signal === null) process.stderr.write(`bench simulators: ${label} exited with ${code}\n${stderr}`);
  });
  return child;
}

/** Starts bench/simulators-target.ts and waits for the URL it prints. */
async function startTarget(label: string, args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = track(spawn(process.execPath, ['--import', 'tsx', TARGET_SCRIPT, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] }), label);
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    child.once('exit', (code) => reject(new Error(`${label} exited (${code}) before it listened`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch {
        reject(new Error(`${label} said ${line}`));
      }
    });
  });
  return { url, child };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startMountebank(workDir: string): Promise<{ adminUrl: string; child: ChildProcess }> {
  const port = await freePort();
  const args = ['start', '--port', String(port), '--host', '127.0.0.1', '--noParse', '--nologfile', '--loglevel', 'warn', '--pidfile', join(workDir, 'mb.pid')];
  const child = track(spawn(process.execPath, [MB_SCRIPT, ...args], { cwd: workDir, stdio: ['ignore', 'ignore', 'pipe'] }), 'mountebank');
  const adminUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mountebank exited (${child.exitCode}) before it listened`);
    try {
      if ((await fetch(`${adminUrl}/imposters`)).ok) return { adminUrl, child };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`mountebank did not start within ${START_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One imposter answering `body` to a POST /ws/fns with an XML body holding an IncomeRequest, like the peer-bench stubs. */
async function createImposter(adminUrl: string, name: string, body: string): Promise<string> {
  const keepAlive = { Connection: 'keep-alive' };
  const imposter = {
    protocol: 'http',
    host: '127.0.0.1',
    name,
    recordRequests: false,
    defaultResponse: { statusCode: 404, headers: keepAlive, body: 'no stub matched' },
    stubs: [
      {
        predicates: [
          { equals: { method: 'POST', path: '/ws/fns' } },
          { contains: { headers: { 'Content-Type': 'xml' } } },
          { exists: { body: true }, xpath: { selector: '//s:Envelope/s:Body/f:IncomeRequest', ns: { s: SOAP_ENV_NS, f: fnsContract.namespace } } },
        ],
        responses: [{ is: { statusCode: 200, headers: { 'Content-Type': SOAP11_CONTENT_TYPE, ...keepAlive }, body } }],
      },
    ],
  };
  const response = await fetch(`${adminUrl}/imposters`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(imposter) });
  if (response.status !== 201) throw new Error(`mountebank refused the imposter: ${response.status} ${await response.text()}`);
  const { port } = (await response.json()) as { port: number };
  return `http://127.0.0.1:${port}/ws/fns`;
}

// ---------------------------------------------------------------------------------------------------------------
// Load

interface Target {
  name: string;
  signed: boolean;
  url: string;
  answerBytes: number;
}

interface Measured extends Target {
  /** The median of the rounds' rates: a round slowed down by a neighbour's burst of work does not decide it. */
  requestsPerSecond: number;
  /** Slowest and fastest round. */
  range: [number, number];
  p50Ms: number;
  p99Ms: number;
  problems: string[];
}

const REQUEST_HEADERS = { 'content-type': SOAP11_CONTENT_TYPE, soapaction: soapActionHeader(fnsContract.operations[0]!) };
/** Each target's run time is split into this many slices, run round-robin, so slow spells of a shared machine hit every target. */
const ROUNDS = 3;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** One bounded autocannon run; latencies of 2xx answers are kept here at sub-millisecond resolution (autocannon's own are whole ms). */
function load(url: string, body: string, runMs: number, latencies?: number[]): Promise<autocannon.AutocannonResult> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, method: 'POST', headers: REQUEST_HEADERS, body, connections: CONNECTIONS, pipelining: 1, duration: runMs / 1000, timeout: 10 },
      (error, result) => {
        clearTimeout(watchdog);
        if (error) reject(error);
        else resolve(result);
      },
    );
    // autocannon stops itself after `duration`; this only guards against a run that never ends.
    const watchdog = setTimeout(() => instance.stop(), runMs + 15_000);
    if (latencies) {
      instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
        if (statusCode >= 200 && statusCode < 300) latencies.push(responseTimeMs);
      });
    }
  });
}

/** Warms every target up, then runs ROUNDS round-robin slices of runMs / ROUNDS each per target. */
async function measureAll(targets: Target[], request: string, runMs: number): Promise<Measured[]> {
  for (const target of targets) await load(target.url, request, Math.min(1000, Math.max(300, runMs / 5))); // JIT, connections, caches
  const state = targets.map(() => ({ rates: [] as number[], latencies: [] as number[], non2xx: 0, errors: 0, timeouts: 0 }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, target] of targets.entries()) {
      const s = state[i]!;
      const result = await load(target.url, request, runMs / ROUNDS, s.latencies);
      s.rates.push(result['2xx'] / result.duration);
      s.non2xx += result.non2xx;
      s.errors += result.errors;
      s.timeouts += result.timeouts;
    }
  }
  return targets.map((target, i) => {
    const s = state[i]!;
    const sorted = Float64Array.from(s.latencies).sort();
    const problems: string[] = [];
    if (s.non2xx > 0) problems.push(`${s.non2xx} non-2xx`);
    if (s.errors > 0) problems.push(`${s.errors} errors`);
    if (s.timeouts > 0) problems.push(`${s.timeouts} timeouts`);
    return {
      ...target,
      requestsPerSecond: median(s.rates),
      range: [Math.min(...s.rates), Math.max(...s.rates)],
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      problems,
    };
  });
}

/** POSTs the request once and returns the answer bytes (checking status and keep-alive on the way). */
async function callOnce(url: string, request: string): Promise<Buffer> {
  const response = await fetch(url, { method: 'POST', headers: REQUEST_HEADERS, body: request });
  const bytes = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${bytes.toString('utf8').slice(0, 500)}`);
  const connection = response.headers.get('connection');
  if (connection !== null && connection.toLowerCase() === 'close') throw new Error(`${url} answers Connection: close`);
  return bytes;
}

/** The simulator's answers differ between calls only in the kit:MessageID UUID; everything else must be equal. */
const withoutMessageId = (xml: string): string => xml.replace(/(<kit:MessageID>)[^<]*(<\/kit:MessageID>)/, '$1…$2');

// ---------------------------------------------------------------------------------------------------------------
// Report

const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
const fmtMs = (n: number): string => (Number.isNaN(n) ? 'n/a' : n.toFixed(2));
const fmtRatio = (n: number): string => `${n >= 10 ? n.toFixed(1) : n.toFixed(2)}×`;

function renderTable(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]): string => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [render(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...lines.map(render)].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------

export async function runSimulatorsBench(options: { runMs: number }): Promise<string> {
  const workDir = mkdtempSync(join(tmpdir(), 'bench-simulators-'));
  const onSignal = (signal: NodeJS.Signals): void => {
    killAll('SIGKILL');
    rmSync(workDir, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  const onExit = (): void => killAll('SIGKILL');
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', onExit);
  try {
    const request = buildRequest();

    // 1. Our simulator, one process per mode; capture the answer it gives to the bench request.
    const [simUnsigned, simSigned, simUnsignedNoMemo, simSignedNoMemo] = await Promise.all([
      startTarget('simulator (unsigned)', ['simulator', 'unsigned']),
      startTarget('simulator (signed)', ['simulator', 'signed']),
      startTarget('simulator (unsigned, memo off)', ['simulator', 'unsigned', 'nomemo']),
      startTarget('simulator (signed, memo off)', ['simulator', 'signed', 'nomemo']),
    ]);
    const unsignedAnswer = await callOnce(simUnsigned.url, request);
    const signedAnswer = await callOnce(simSigned.url, request);
    const unsignedText = unsignedAnswer.toString('utf8');
    const signedText = signedAnswer.toString('utf8');
    if (!unsignedText.includes('<Income>') || unsignedText.includes('AgencySignature')) throw new Error(`unexpected unsigned answer: ${unsignedText.slice(0, 800)}`);
    if (!signedText.includes('<Income>') || !signedText.includes('AgencySignature')) throw new Error(`unexpected signed answer: ${signedText.slice(0, 800)}`);
    const unsignedFile = join(workDir, 'answer-unsigned.xml');
    const signedFile = join(workDir, 'answer-signed.xml');
    writeFileSync(unsignedFile, unsignedAnswer);
    writeFileSync(signedFile, signedAnswer);

    // 2. Mountebank (two imposters, one per answer) and 3. the bare servers, replaying the captured bytes.
    const [mb, bareUnsigned, bareSigned] = await Promise.all([
      startMountebank(workDir),
      startTarget('bare (unsigned)', ['bare', unsignedFile]),
      startTarget('bare (signed)', ['bare', signedFile]),
    ]);
    const mbUnsignedUrl = await createImposter(mb.adminUrl, 'fns-unsigned', unsignedText);
    const mbSignedUrl = await createImposter(mb.adminUrl, 'fns-signed', signedText);

    // Every target answers the bench request with the same bytes before any load is put on it.
    for (const [url, expected] of [
      [mbUnsignedUrl, unsignedAnswer],
      [bareUnsigned.url, unsignedAnswer],
      [mbSignedUrl, signedAnswer],
      [bareSigned.url, signedAnswer],
    ] as const) {
      if (!(await callOnce(url, request)).equals(expected)) throw new Error(`${url} does not answer the captured bytes`);
    }
    for (const [url, expected] of [
      [simUnsigned.url, unsignedText],
      [simSigned.url, signedText],
      [simUnsignedNoMemo.url, unsignedText],
      [simSignedNoMemo.url, signedText],
    ] as const) {
      const again = (await callOnce(url, request)).toString('utf8');
      if (withoutMessageId(again) !== withoutMessageId(expected) || again.length !== expected.length) throw new Error(`${url} answers differently from call to call`);
    }

    const size = (b: Buffer): number => b.byteLength;
    const [simUnsignedRow, mbUnsignedRow, bareUnsignedRow, simSignedRow, mbSignedRow, bareSignedRow, simUnsignedNoMemoRow, simSignedNoMemoRow] = await measureAll(
      [
        { name: 'fns simulator, unsigned answer', signed: false, url: simUnsigned.url, answerBytes: size(unsignedAnswer) },
        { name: 'Mountebank 2.9.2, unsigned answer', signed: false, url: mbUnsignedUrl, answerBytes: size(unsignedAnswer) },
        { name: 'bare node:http, unsigned answer', signed: false, url: bareUnsigned.url, answerBytes: size(unsignedAnswer) },
        { name: 'fns simulator, signed answer (memo)', signed: true, url: simSigned.url, answerBytes: size(signedAnswer) },
        { name: 'Mountebank 2.9.2, signed answer (replayed)', signed: true, url: mbSignedUrl, answerBytes: size(signedAnswer) },
        { name: 'bare node:http, signed answer', signed: true, url: bareSigned.url, answerBytes: size(signedAnswer) },
        { name: 'fns simulator, unsigned, memo off', signed: false, url: simUnsignedNoMemo.url, answerBytes: size(unsignedAnswer) },
        { name: 'fns simulator, signed, memo off (signs each)', signed: true, url: simSignedNoMemo.url, answerBytes: size(signedAnswer) },
      ],
      request,
      options.runMs,
    );
    const rows = { simUnsigned: simUnsignedRow!, mbUnsigned: mbUnsignedRow!, bareUnsigned: bareUnsignedRow!, simSigned: simSignedRow!, mbSigned: mbSignedRow!, bareSigned: bareSignedRow! };

    const order = [rows.simUnsigned, rows.mbUnsigned, rows.bareUnsigned, rows.simSigned, rows.mbSigned, rows.bareSigned, simUnsignedNoMemoRow!, simSignedNoMemoRow!];
    const peerOf = (row: Measured): { mb: Measured; bare: Measured } => (row.signed ? { mb: rows.mbSigned, bare: rows.bareSigned } : { mb: rows.mbUnsigned, bare: rows.bareUnsigned });
    const table = renderTable(
      ['target', 'answer bytes', 'req/s (median)', 'rounds min–max', 'p50 ms', 'p99 ms', '× Mountebank', '× bare', 'problems'],
      order.map((row) => {
        const peer = peerOf(row);
        return [
          row.name,
          String(row.answerBytes),
          fmtInt(row.requestsPerSecond),
          `${fmtInt(row.range[0])}–${fmtInt(row.range[1])}`,
          fmtMs(row.p50Ms),
          fmtMs(row.p99Ms),
          fmtRatio(row.requestsPerSecond / peer.mb.requestsPerSecond),
          fmtRatio(row.requestsPerSecond / peer.bare.requestsPerSecond),
          row.problems.join(', ') || 'none',
        ];
      }),
    );
    const yes = (ok: boolean): string => (ok ? 'yes' : 'no');
    const goal = (label: string, sim: Measured, peer: { mb: Measured; bare: Measured }): string[] => {
      const vsMb = sim.requestsPerSecond / peer.mb.requestsPerSecond;
      const vsBare = sim.requestsPerSecond / peer.bare.requestsPerSecond;
      return [
        `- ${label}: simulator ≥ 10× Mountebank: ${yes(vsMb >= 10)} (${fmtRatio(vsMb)})`,
        `- ${label}: simulator ≥ 0.5× bare: ${yes(vsBare >= 0.5)} (${fmtRatio(vsBare)})`,
      ];
    };
    return [
      `Request: unsigned direct-SOAP GetIncome for the mother of ${PERSONA_FILE} (${Buffer.byteLength(request)} bytes), ` +
        `POST /ws/fns, keep-alive, autocannon ${CONNECTIONS} connections, ${options.runMs} ms per row after a warm-up, in ${ROUNDS} round-robin slices; ` +
        `every server in its own child process on 127.0.0.1. Simulator: fns, demo personas, no faults, latency 0, validateAnswers off; ` +
        `"memo" rows with the runtime's hot-path memo (default), "memo off" rows with memo: false.`,
      '',
      table,
      '',
      ...goal('unsigned', rows.simUnsigned, { mb: rows.mbUnsigned, bare: rows.bareUnsigned }),
      ...goal('signed', rows.simSigned, { mb: rows.mbSigned, bare: rows.bareSigned }),
    ].join('\n');
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await Promise.allSettled([...children].map((child) => stopChild(child)));
    process.off('exit', onExit);
    rmSync(workDir, { recursive: true, force: true });
  }
}
