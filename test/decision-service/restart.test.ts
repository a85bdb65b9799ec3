import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { family } from './family.ts';
import { getJson, postJson, startFakeGateway, tempDir, testEnv, waitFor, type CannedPerson } from './support.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0).reverse()) await stop();
});

/** Starts `decision/server.ts` in a child process and resolves with its URL once it listens. */
function startChild(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'decision/server.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanup.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /decision listening on (\S+)/.exec(out);
      if (match?.[1] !== undefined) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`decision service exited early (${String(code)}): ${out}`)));
  });
}

describe('decision service restart', () => {
  it('loses no application and decides none twice when the process is killed mid-run and started again on the same data dir', async () => {
    const people = new Map<string, CannedPerson>();
    const applications = Array.from({ length: 6 }, () => {
      const f = family(6_000_000);
      for (const [k, v] of f.people) people.set(k, v);
      return f.application;
    });
    // A slow gateway: each person's facts take 400 ms, so applications are in flight when the kill comes.
    const gateway = await startFakeGateway(people, { delayMs: 400 });
    cleanup.push(() => gateway.close());
    const tmp = tempDir();
    cleanup.push(() => tmp.remove());
    const env = testEnv(gateway.url, tmp.dir, { DECISION_WORKER_CONCURRENCY: '2', DECISION_LEASE_MS: '1000' });

    const first = await startChild(env);
    const ids: string[] = [];
    for (const application of applications) ids.push((await postJson(`${first.url}/v1/applications`, application)).body.id as string);
    await waitFor(async () => {
      const { body } = await getJson(`${first.url}/v1/applications?status=requests-sent`);
      return (body.items as unknown[]).length > 0 ? true : undefined;
    }, 10_000, 'an application in flight');
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await startChild(env);
    await waitFor(async () => {
      const { body } = await getJson(`${second.url}/v1/applications?status=notified&limit=100`);
      return (body.items as unknown[]).length === ids.length ? true : undefined;
    }, 20_000, 'every application notified after the restart');
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));

    const db = new Database(join(tmp.dir, 'decision.sqlite'), { readonly: true });
    try {
      const decisions = db.prepare('SELECT application_id, kind FROM decisions').all() as { application_id: string; kind: string }[];
      expect(decisions.map((d) => d.application_id).sort()).toEqual([...ids].sort());
      expect(decisions.every((d) => d.kind === 'granted')).toBe(true);
      const decidedNotices = db.prepare(`SELECT application_id, count(*) AS n FROM outbox WHERE status = 'decided' GROUP BY application_id`).all() as { n: number }[];
      expect(decidedNotices).toHaveLength(ids.length);
      expect(decidedNotices.every((r) => r.n === 1)).toBe(true);
    } finally {
      db.close();
    }
  }, 60_000);
});
