/**
 * A private redis-server for one test file: started on a free loopback port with persistence off, stopped by its
 * pid. Tests that need Redis wrap themselves in `describeWithRedisServer`, which skips them with a visible reason
 * when the binary is missing (developers without Redis still get a green run; CI installs it in `.ci/run`).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe } from 'vitest';

const execFileAsync = promisify(execFile);

/** Overridable for machines where Redis lives elsewhere; Debian's package installs it here. */
export const REDIS_SERVER_BIN = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';

/** Why Redis tests cannot run here, or undefined when they can. */
export function redisServerSkipReason(): string | undefined {
  return existsSync(REDIS_SERVER_BIN)
    ? undefined
    : `${REDIS_SERVER_BIN} not found (apt-get install redis-server, or set REDIS_SERVER_BIN)`;
}

/** `describe` that runs only when redis-server exists; otherwise the skipped suite's name carries the reason. */
export function describeWithRedisServer(name: string, body: () => void): void {
  const reason = redisServerSkipReason();
  if (reason === undefined) describe(name, body);
  else describe.skip(`${name} [skipped: ${reason}]`, body);
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** One raw PING: keeps this helper independent of the Redis client under test. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let answer = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
    socket.once('connect', () => socket.write('PING\r\n'));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(25);
  }
}

async function startOnce(): Promise<RedisServer> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'kit-redis-'));
  const pidFile = join(dir, 'redis.pid');
  await execFileAsync(REDIS_SERVER_BIN, [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--save', '',
    '--appendonly', 'no',
    '--daemonize', 'yes',
    '--pidfile', pidFile,
    '--dir', dir,
    '--logfile', join(dir, 'redis.log'),
  ]);
  try {
    await waitFor(() => existsSync(pidFile), 5_000, `redis-server pid file on port ${port}`);
    const pid = Number((await readFile(pidFile, 'utf8')).trim());
    try {
      await waitFor(() => ping(port), 5_000, `redis-server on port ${port} to answer PING`);
    } catch (error) {
      if (alive(pid)) process.kill(pid, 'SIGKILL');
      throw error;
    }
    let stopped: Promise<void> | undefined;
    return {
      port,
      pid,
      url: `redis://127.0.0.1:${port}`,
      stop() {
        stopped ??= (async () => {
          if (alive(pid)) process.kill(pid, 'SIGTERM');
          await waitFor(() => !alive(pid), 5_000, `redis-server ${pid} to exit`).catch(() => {
            if (alive(pid)) process.kill(pid, 'SIGKILL');
          });
          await rm(dir, { recursive: true, force: true });
        })();
        return stopped;
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Starts a private redis-server. The free port is found by binding port 0 and releasing it, so another process can
 * grab it in between; a failed start is therefore retried on a new port a few times.
 */
export async function startRedisServer(): Promise<RedisServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce();
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`Could not start ${REDIS_SERVER_BIN}`, { cause: lastError });
}
