/**
 * @module server
 * `npm run decision`: loads the configuration from the environment (ERR_CONFIG_INVALID lists every problem and
 * exits 1), starts the service and listens. Also `startDecisionService()` for tests, `npm start` and benches: port
 * 0 picks a free port; `close()` stops listening, drops kept-alive sockets, then stops the worker and the store.
 */
import type { Server } from 'node:http';
import { isMainModule, listenHttp, runUntilSignalled } from '../core/http/index.ts';
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
  let listening;
  try {
    listening = await listenHttp(service.app, config);
  } catch (error) {
    await service.close();
    throw error;
  }
  service.start();
  const { server, url } = listening;
  return {
    url,
    server,
    service,
    close: async () => {
      await listening.close();
      await service.close();
    },
  };
}

if (isMainModule(import.meta.url)) runUntilSignalled('decision', () => startDecisionService(loadDecisionConfig(process.env)));
