/**
 * @module gateway-thread
 * Runs inside the gateway's worker thread (see start-gateway-thread.ts): starts the gateway from the environment
 * record it was given, reports its URL (or why it could not start), and closes it when told to.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadGatewayConfig } from '../gateway/config/config.ts';
import { startGateway } from '../gateway/server.ts';
import type { GatewayThreadMessage } from './start-gateway-thread.ts';

const port = parentPort;
if (port === null) throw new Error('gateway-thread.ts runs in a worker thread only');
const post = (message: GatewayThreadMessage): void => port.postMessage(message);

try {
  const gateway = await startGateway(loadGatewayConfig((workerData as { env: Record<string, string> }).env));
  port.on('message', (message: unknown) => {
    if (message !== 'close') return;
    gateway.close().then(
      () => post({ kind: 'closed' }),
      (error: unknown) => post({ kind: 'closed', error: String(error) }),
    );
  });
  post({ kind: 'started', url: gateway.url });
} catch (error) {
  const { message, code } = error as { message?: string; code?: string };
  post({ kind: 'failed', message: message ?? String(error), ...(code === undefined ? {} : { code }) });
}
