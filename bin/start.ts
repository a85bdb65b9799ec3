/**
 * `npm start`: the whole kit on 127.0.0.1 — six agency simulators, the exchange hub, the facts gateway and the
 * decision service — with the demo personas. Prints one line per service (name and URL), then a hint; stops
 * cleanly on Ctrl-C or SIGTERM (exit 0). Environment (empty counts as unset):
 *   STACK_PORTS=default|auto   default: 7101–7106, 7200, 7300, 7400; auto: free ports (tests, a second stack)
 *   STACK_DATA_DIR=.data       hub/, gateway/, decision/ inside
 *   GATEWAY_MODE=direct|hub    how the gateway reaches the agencies
 *   PERSONAS_DIR, FAULTS_FILE, SIMULATOR_SEED, LOG_LEVEL (gateway and decision logs; default warn)
 */
import { z } from 'zod';
import { KitError } from '../core/errors/index.ts';
import { startStack, type RunningStack } from '../stack/start-stack.ts';

const envSchema = z.object({
  STACK_PORTS: z.enum(['default', 'auto']).default('default'),
  STACK_DATA_DIR: z.string().min(1).default('.data'),
  GATEWAY_MODE: z.enum(['direct', 'hub']).default('direct'),
  PERSONAS_DIR: z.string().min(1).optional(),
  FAULTS_FILE: z.string().min(1).optional(),
  SIMULATOR_SEED: z.union([z.coerce.number().int(), z.string().min(1)]).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

function readEnv(): z.output<typeof envSchema> {
  const present = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new KitError('ERR_CONFIG_INVALID', `npm start environment is invalid:\n- ${issues.join('\n- ')}`, { issues });
}

function printServices(stack: RunningStack): void {
  const rows: [string, string][] = [
    ['gateway', stack.urls.gateway],
    ...(stack.urls.hub === undefined ? [] : [['hub', stack.urls.hub] as [string, string]]),
    ['decision', stack.urls.decision],
    ...Object.entries(stack.urls.agencies),
  ];
  for (const [name, url] of rows) process.stdout.write(`${name.padEnd(9)} ${url}\n`);
  process.stdout.write('Ready. Try the five-minute tour in README.md ("Five-minute tour"); Ctrl-C stops everything.\n');
}

async function main(): Promise<void> {
  const env = readEnv();
  // Signals that arrive while starting are honoured once the start has finished (or failed and cleaned up).
  let stopRequested = false;
  let stack: RunningStack | undefined;
  const stop = (): void => {
    if (stopRequested && stack === undefined) return;
    stopRequested = true;
    if (stack === undefined) return;
    const running = stack;
    stack = undefined;
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`stopping failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  stack = await startStack({
    ports: env.STACK_PORTS,
    dataDir: env.STACK_DATA_DIR,
    gatewayMode: env.GATEWAY_MODE,
    logLevel: env.LOG_LEVEL,
    ...(env.PERSONAS_DIR === undefined ? {} : { personasDir: env.PERSONAS_DIR }),
    ...(env.FAULTS_FILE === undefined ? {} : { faultsFile: env.FAULTS_FILE }),
    ...(env.SIMULATOR_SEED === undefined ? {} : { seed: env.SIMULATOR_SEED }),
  });
  printServices(stack);
  if (stopRequested) stop();
}

main().catch((error: unknown) => {
  // A port taken is the usual first failure: another `npm start` or a single service already runs.
  const busy = (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE' ? ' (is another stack or service running? stop it, or use STACK_PORTS=auto)' : '';
  process.stderr.write(error instanceof KitError ? `${error.code}: ${error.message}\n` : `npm start failed: ${error instanceof Error ? error.message : String(error)}${busy}\n`);
  process.exit(1);
});
