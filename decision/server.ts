/**
 * @module server
 * `npm run decision`: loads the configuration from the environment (ERR_CONFIG_INVALID lists every problem and
 * exits 1), starts the service and listens. Also `startDecisionService()` for tests, `npm start` and benches: port
 * 0 picks a free port; `close()` stops listening, drops kept-alive sockets, then stops the worker and the store.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { KitError } from '../core/errors/index.ts';
import { loadDecisionConfig, type DecisionConfig } from './config.ts';
import { createDecisionService, type DecisionService, type DecisionServiceOverrides } from './create-decision-service.ts';

export interface RunningDecisionService {
  readonly url: string;
  readonly server: Server;
  readonly service: DecisionService;
  close(): Promise<void>;
}

export async function startDecisionService(config: DecisionConfig, overrides: DecisionServiceOverrides = {}): Promise<RunningDecisionService> {
  const service = createDecisionService(config, overrides);
  const server = createServer(service.app);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await service.close();
    throw error;
  }
  service.start();
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    service,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await service.close();
    },
  };
}

async function main(): Promise<void> {
  const running = await startDecisionService(loadDecisionConfig(process.env));
  process.stdout.write(`decision listening on ${running.url}\n`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: stopping decision service\n`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(error instanceof KitError ? `${error.code}: ${error.message}\n` : `${String(error)}\n`);
    process.exit(1);
  });
}
