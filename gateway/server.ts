/**
 * @module server
 * `npm run gateway`: loads the configuration from the environment (ERR_CONFIG_INVALID lists every problem and
 * exits 1), builds the gateway and listens. Also `startGateway()` for tests and benches: port 0 picks a free
 * port, and `close()` stops listening, drops kept-alive sockets and closes cache, limits and audit log.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { KitError } from '../core/errors/index.ts';
import { loadGatewayConfig, type GatewayConfig } from './config/config.ts';
import { createGateway, type Gateway, type GatewayOverrides } from './create-gateway.ts';

export interface RunningGateway {
  readonly url: string;
  readonly server: Server;
  readonly gateway: Gateway;
  close(): Promise<void>;
}

export async function startGateway(config: GatewayConfig, overrides: GatewayOverrides = {}): Promise<RunningGateway> {
  const gateway = await createGateway(config, overrides);
  const server = createServer(gateway.app);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await gateway.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    gateway,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await gateway.close();
    },
  };
}

async function main(): Promise<void> {
  const running = await startGateway(loadGatewayConfig(process.env));
  process.stdout.write(`gateway listening on ${running.url}\n`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: stopping gateway\n`);
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
