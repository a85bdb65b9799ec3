/**
 * @module start-gateway-thread
 * The stack's gateway on a worker thread of its own: one process still, but two event loops, so the gateway
 * (signing, verifying and parsing every agency call) and the rest (simulators, decision service) use both cores
 * instead of queueing on one. In the decisions bench the single event loop was the limit of `npm start`
 * (BENCHMARKS.md). The configuration is checked here first, so a bad value fails the stack's start with its own
 * ERR_CONFIG_INVALID; the thread then loads the same environment.
 */
import { Worker } from 'node:worker_threads';
import { loadGatewayConfig } from '../gateway/config/config.ts';

export type GatewayThreadMessage =
  | { readonly kind: 'started'; readonly url: string }
  | { readonly kind: 'failed'; readonly message: string; readonly code?: string }
  | { readonly kind: 'closed'; readonly error?: string };

export interface GatewayThread {
  readonly url: string;
  close(): Promise<void>;
}

const BOOTSTRAP = new URL('./thread-bootstrap.mjs', import.meta.url);
const ENTRY = new URL('./gateway-thread.ts', import.meta.url).href;
/** A gateway that does not close within this is terminated (its sockets die with the thread). */
const CLOSE_TIMEOUT_MS = 10_000;

export async function startGatewayThread(env: Record<string, string>, onExit: (error: Error) => void): Promise<GatewayThread> {
  loadGatewayConfig(env);
  const worker = new Worker(BOOTSTRAP, { workerData: { entry: ENTRY, env } });
  let closing = false;
  const url = await new Promise<string>((resolve, reject) => {
    const failed = (error: Error): void => {
      void worker.terminate();
      reject(error);
    };
    worker.once('message', (message: GatewayThreadMessage) => {
      if (message.kind === 'started') resolve(message.url);
      else if (message.kind === 'failed') failed(Object.assign(new Error(message.message), message.code === undefined ? {} : { code: message.code }));
    });
    worker.once('error', failed);
    worker.once('exit', (code) => failed(new Error(`the gateway thread exited with ${code} before it started`)));
  });
  worker.removeAllListeners('exit');
  worker.removeAllListeners('error');
  worker.on('error', (error) => onExit(error));
  worker.on('exit', (code) => {
    if (!closing) onExit(new Error(`the gateway thread exited with ${code}`));
  });
  return {
    url,
    close: async () => {
      if (closing) return;
      closing = true;
      // What the gateway said when it closed: undefined when it closed cleanly (or the thread ended first).
      const closed = new Promise<string | undefined>((resolve) => {
        worker.on('message', (message: GatewayThreadMessage) => {
          if (message.kind === 'closed') resolve(message.error);
        });
        worker.once('exit', () => resolve(undefined));
      });
      worker.postMessage('close');
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`the gateway did not close within ${CLOSE_TIMEOUT_MS} ms`), CLOSE_TIMEOUT_MS)));
      const problem = await Promise.race([closed, timedOut]);
      clearTimeout(timer);
      await worker.terminate();
      // The stack's close() reports it and goes on stopping the rest.
      if (problem !== undefined) throw new Error(problem);
    },
  };
}
