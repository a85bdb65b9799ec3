/** Everything the hub knows lives in SQLite under dataDir: a closed or killed hub reopens with no message lost or misrouted. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { SmevEnvelope, SmevVersion } from '../../core/smev/envelope/index.ts';
import { createHub, defaultHubOptionsFromFixtures } from '../../simulators/hub/index.ts';
import { HubStore } from '../../simulators/hub/hub-store.ts';
import { cast, delivered, deliveredResponse, expectFault, FNS_REQUEST, inProcess, isEmptyPoll, overHttp, SFR_REQUEST, SFR_RESPONSE, TestClock, ZAGS_REQUEST } from './support.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hub-store-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('in-process restart', () => {
  it('keeps queued, in-flight, acknowledged and paused state across close and reopen on the same dataDir', async () => {
    const dataDir = tempDir();
    const clock = new TestClock();
    const open = () => createHub({ ...defaultHubOptionsFromFixtures(), dataDir, now: clock.now, visibilityTimeoutMs: 1_000 }, { logger: { error: () => undefined } });

    const first = open();
    let parties = cast(inProcess(first.hub), clock.now);
    const toSfr = await parties.consumer.sendRequest(SFR_REQUEST);
    const toFns = await parties.consumer.sendRequest(FNS_REQUEST);
    await first.hub.whenIdle();
    delivered(await parties.sfr.getRequest()); // in flight, not acked
    first.hub.pauseProvider('MVD');
    await first.close();

    const second = open();
    cleanups.push(() => second.close());
    parties = cast(inProcess(second.hub), clock.now);
    expect(expectFault((await parties.consumer.sendRequest(SFR_REQUEST, { messageId: toSfr.messageId })).envelope).fault?.name).toBe('MessageIsAlreadySent');
    expect(second.hub.pausedProviders()).toEqual(['MVD']);
    expect(isEmptyPoll(await parties.sfr.getRequest())).toBe(true); // still within its visibility timeout
    clock.advance(1_000);
    expect(delivered(await parties.sfr.getRequest()).request.requestData.messageId).toBe(toSfr.messageId);
    expect(delivered(await parties.fns.getRequest()).request.requestData.messageId).toBe(toFns.messageId);
    expect(second.hub.message(toSfr.messageId)!.history.map((e) => e.event)).toEqual(['sent', 'validated', 'delivered', 'redelivered']);
  });

  it('runs the payload checks a killed hub left pending when it reopens', async () => {
    const dataDir = tempDir();
    const options = { ...defaultHubOptionsFromFixtures(), dataDir };
    const first = createHub(options);
    const sent = await cast(inProcess(first.hub), () => new Date()).consumer.sendRequest(SFR_REQUEST);
    await first.close();
    // What a SIGKILL between the SendRequest answer and the check leaves behind: the request still "validating".
    const store = HubStore.open(dataDir);
    store.setState(sent.messageId, 'validating', 'requestIsQueued');
    store.close();
    const second = createHub(options);
    cleanups.push(() => second.close());
    await second.hub.whenIdle();
    expect(second.hub.message(sent.messageId)).toMatchObject({ state: 'queued', status: 'requestIsAcceptedBySmev' });
    expect(delivered(await cast(inProcess(second.hub), () => new Date()).sfr.getRequest()).request.requestData.messageId).toBe(sent.messageId);
  });
});

interface ChildHub {
  readonly urls: Record<SmevVersion, string>;
  readonly child: ChildProcessWithoutNullStreams;
}

async function startChild(dataDir: string): Promise<ChildHub> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'simulators/hub/server-main.ts'], {
    cwd: REPO,
    env: { ...process.env, HUB_PORT: '0', HUB_HOST: '127.0.0.1', HUB_DATA_DIR: dataDir, HUB_VISIBILITY_TIMEOUT_MS: '300' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const lines = await new Promise<string[]>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const got = out.split('\n').filter(Boolean);
      if (got.length >= 4) resolve(got);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`hub exited with ${code}: ${err}`)));
  });
  const [v12, v13, v11] = lines;
  return { urls: { '1.2': v12!, '1.3': v13!, '1.1': v11! }, child };
}

async function killed(child: ChildProcessWithoutNullStreams): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

/** Polls until the asynchronous check has put something in the queue (the child runs it right after answering). */
async function pollUntilDelivered(poll: () => Promise<SmevEnvelope>) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const envelope = await poll();
    if (!isEmptyPoll(envelope)) return delivered(envelope);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('nothing was delivered');
}

describe('a hub process killed with SIGKILL mid-exchange', () => {
  it('restarts on the same dataDir and delivers every message exactly to its own recipient', async () => {
    const dataDir = tempDir();
    const before = await startChild(dataDir);
    let parties = cast(overHttp(before.urls), () => new Date());
    const toSfr = await parties.consumer.sendRequest(SFR_REQUEST);
    const toFns = await parties.consumer.sendRequest(FNS_REQUEST);
    const toZags = await parties.consumer.sendRequest(ZAGS_REQUEST);
    // SFR takes its request and answers; nobody acks anything before the kill.
    const sfrRequest = await pollUntilDelivered(() => parties.sfr.getRequest());
    expect(sfrRequest.request.requestData.messageId).toBe(toSfr.messageId);
    const answer = await parties.sfr.sendResponse(sfrRequest.request.replyTo!, { kind: 'content', content: SFR_RESPONSE });
    expect(answer.envelope.operation).toBe('SendResponseResponse');
    await killed(before.child);

    const after = await startChild(dataDir);
    parties = cast(overHttp(after.urls), () => new Date());
    // The unacknowledged SFR request comes back (after its 300 ms visibility timeout) and only to SFR.
    expect((await pollUntilDelivered(() => parties.sfr.getRequest())).request.requestData.messageId).toBe(toSfr.messageId);
    expect((await pollUntilDelivered(() => parties.fns.getRequest())).request.requestData.messageId).toBe(toFns.messageId);
    expect((await pollUntilDelivered(() => parties.zags.getRequest())).request.requestData.messageId).toBe(toZags.messageId);
    expect(isEmptyPoll(await parties.mvd.getRequest())).toBe(true);
    for (const [party, id] of [[parties.sfr, toSfr.messageId], [parties.fns, toFns.messageId], [parties.zags, toZags.messageId]] as const) {
      expect((await party.ack(id)).operation).toBe('AckResponse');
    }
    // The response SFR sent before the kill reaches the consumer, and nothing else does.
    const response = deliveredResponse(await parties.consumer.getResponse());
    expect(response.response.originalMessageId).toBe(toSfr.messageId);
    expect(response.response.responseData.messageId).toBe(answer.messageId);
    expect((await parties.consumer.ack(answer.messageId)).operation).toBe('AckResponse');
    expect(isEmptyPoll(await parties.consumer.getResponse())).toBe(true);
    expect(expectFault((await parties.consumer.sendRequest(SFR_REQUEST, { messageId: toZags.messageId })).envelope).fault?.name).toBe('MessageIsAlreadySent');

    const stopped = new Promise<number | null>((resolve) => after.child.once('exit', (code) => resolve(code)));
    after.child.kill('SIGTERM');
    expect(await stopped).toBe(0);
  });
});
