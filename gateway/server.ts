/**
 * @module server
 * `npm run gateway`: loads the configuration from the environment (ERR_CONFIG_INVALID lists every problem and
 * exits 1), builds the gateway and listens. Also `startGateway()` for tests and benches: port 0 picks a free
 * port, and `close()` stops listening, drops kept-alive sockets and closes cache, limits and audit log.
 */
import type { Server } from 'node:http';
import { isMainModule, listenHttp, runUntilSignalled } from '../core/http/index.ts';
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
  let listening;
  try {
    listening = await listenHttp(gateway.app, config);
  } catch (error) {
    await gateway.close();
    throw error;
  }
  const { server, url } = listening;
  return {
    url,
    server,
    gateway,
    close: async () => {
      await listening.close();
      await gateway.close();
    },
  };
}

if (isMainModule(import.meta.url)) runUntilSignalled('gateway', () => startGateway(loadGatewayConfig(process.env)));
