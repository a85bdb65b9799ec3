/**
 * The stack's gateway runs on a worker thread of its own by default: it answers while the main event loop (the
 * simulators and the decision service) is busy, and `gatewayThread: false` puts it back on that loop. The probe
 * is a separate node process, so it is not held up by the loop it measures; the main loop is blocked meanwhile.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startStack, type RunningStack } from '../../stack/start-stack.ts';

const stacks: RunningStack[] = [];
afterEach(async () => {
  for (const stack of stacks.splice(0)) await stack.close();
});

const BLOCK_MS = 1_500;

/** Starts a node process that GETs `url` once it is up, blocks this thread for BLOCK_MS, returns how long the GET took. */
async function getWhileMainLoopIsBlocked(url: string): Promise<number> {
  const probe = spawn(process.execPath, ['-e', `process.stdout.write('up\\n'); const t = performance.now(); fetch(${JSON.stringify(url)}).then((r) => r.text()).then(() => process.stdout.write(String(performance.now() - t)));`]);
  let out = '';
  probe.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => probe.once('exit', () => resolve()));
  // Wait until the probe runs (its startup is not part of the measure), then block this event loop.
  while (!out.startsWith('up')) await new Promise((resolve) => setTimeout(resolve, 5));
  const until = performance.now() + BLOCK_MS;
  while (performance.now() < until) {
    // busy: nothing on this thread's event loop runs meanwhile
  }
  await exited;
  return Number(out.slice(3));
}

describe('the stack gateway thread', () => {
  it('answers while the main event loop is blocked', async () => {
    const stack = await startStack({ ports: 'auto', dataDir: { temp: true }, watchPersonas: false, logLevel: 'silent', hub: false });
    stacks.push(stack);
    expect(await getWhileMainLoopIsBlocked(`${stack.urls.gateway}/healthz`)).toBeLessThan(BLOCK_MS / 2);
  });

  it('waits for the main event loop with gatewayThread: false', async () => {
    const stack = await startStack({ ports: 'auto', dataDir: { temp: true }, watchPersonas: false, logLevel: 'silent', hub: false, gatewayThread: false });
    stacks.push(stack);
    expect(await getWhileMainLoopIsBlocked(`${stack.urls.gateway}/healthz`)).toBeGreaterThan(BLOCK_MS / 2);
  });

  it('fails the start with the error the gateway thread met (its port taken), and stops the rest', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((taken.address() as AddressInfo).port);
      await expect(startStack({ ports: 'auto', dataDir: { temp: true }, watchPersonas: false, logLevel: 'silent', hub: false, gatewayEnv: { GATEWAY_PORT: port } })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });

  it('fails the start with the gateway configuration error before any thread starts', async () => {
    await expect(startStack({ ports: 'auto', dataDir: { temp: true }, watchPersonas: false, logLevel: 'silent', hub: false, gatewayEnv: { GATEWAY_RETRIES: 'many' } })).rejects.toMatchObject({ code: 'ERR_CONFIG_INVALID' });
  });
});
