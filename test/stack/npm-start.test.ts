import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVICES = ['gateway', 'hub', 'decision', 'sfr', 'fns', 'fri', 'gis-zhkh', 'zags', 'mvd'];

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const stop of cleanup.splice(0).reverse()) stop();
});

/** Resolves with everything printed up to the hint line (the last line `npm start` prints once it is ready). */
function waitForReady(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`not ready within ${timeoutMs} ms; stdout:\n${out}\nstderr:\n${err}`)), timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/^Ready\..*$/m.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${String(code)} before ready; stderr:\n${err}`));
    });
  });
}

const exitCode = (child: ChildProcess): Promise<number | null> => new Promise((resolve) => child.once('exit', (code) => resolve(code)));

/** true when nothing accepts connections on the port any more. */
const refused = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

describe('npm start', () => {
  it('prints one line per service with its URL and a hint to the tour, answers on those URLs, and on SIGTERM exits 0 with every port released', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'npm-start-test-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const child = spawn(process.execPath, ['--import', 'tsx', 'bin/start.ts'], { cwd: ROOT, env: { ...process.env, STACK_PORTS: 'auto', STACK_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
    cleanup.push(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    const exited = exitCode(child);
    const out = await waitForReady(child, 30_000);

    const lines = out.trim().split('\n');
    const services = lines.slice(0, -1).map((line) => line.trim().split(/\s+/) as [string, string]);
    expect(services.map(([name]) => name)).toEqual(SERVICES);
    for (const [, url] of services) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+(\/|$)/);
    expect(lines.at(-1)).toContain('Five-minute tour');

    const url = Object.fromEntries(services);
    expect((await fetch(`${url.gateway}/healthz`)).status).toBe(200);
    expect((await fetch(`${url.decision}/healthz`)).status).toBe(200);
    expect((await fetch(`${url.fns}?wsdl`)).status).toBe(200);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const ports = services.map(([, u]) => Number(new URL(u).port));
    expect(await Promise.all(ports.map(refused))).toEqual(ports.map(() => true));
  }, 60_000);
});
