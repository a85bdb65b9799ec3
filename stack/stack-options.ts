/**
 * @module stack-options
 * What `startStack` accepts, validated once with zod (every problem in one ERR_CONFIG_INVALID), and the port plan.
 * "default" ports are the ones every README and each service's own `npm run` use, so the documented curl lines
 * work against `npm start`; "auto" asks the OS for free ports everywhere (tests, benches, several stacks at once).
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { KitError } from '../core/errors/index.ts';
import { CALLED_AGENCIES, type CalledAgency } from '../gateway/config/config.ts';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** Component environment on top of what the stack sets (e.g. GATEWAY_CACHE_TTL_MS=0 for a bench). */
const extraEnv = z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), z.string()).default({});

export const stackOptionsSchema = z
  .strictObject({
    host: z.string().min(1).default('127.0.0.1'),
    ports: z.enum(['default', 'auto']).default('default'),
    /** Relative paths are taken from the working directory; the default is the kit's own demo personas. */
    personasDir: z.string().min(1).default('fixtures/personas'),
    /** Reload persona files when they change on disk (as `npm run simulators` does). */
    watchPersonas: z.boolean().default(true),
    /** A directory (hub/, gateway/, decision/ inside), or `{ temp: true }`: a fresh one removed by close(). */
    dataDir: z.union([z.string().min(1), z.strictObject({ temp: z.literal(true) })]).default('.data'),
    gatewayMode: z.enum(['direct', 'hub']).default('direct'),
    /**
     * Run the gateway on a worker thread of its own (the default), so the stack's work spreads over two cores;
     * false keeps every service on one event loop (simpler to profile and debug).
     */
    gatewayThread: z.boolean().default(true),
    /** Start the exchange hub and the six agencies as its providers (required by gatewayMode "hub"). */
    hub: z.boolean().default(true),
    seed: z.union([z.number().int(), z.string().min(1)]).default(1),
    /** A fault profile (JSON, see fixtures/faults/) the simulators start with. */
    faultsFile: z.string().min(1).optional(),
    /** Level of the gateway's and the decision service's pino logs (stdout); "warn" keeps a terminal readable. */
    logLevel: z.enum(LOG_LEVELS).default('warn'),
    gatewayEnv: extraEnv,
    decisionEnv: extraEnv,
  })
  .superRefine((o, ctx) => {
    if (o.gatewayMode === 'hub' && !o.hub) ctx.addIssue({ code: 'custom', path: ['hub'], message: 'gatewayMode "hub" needs the hub (hub: true)' });
  });

export type StackOptionsInput = z.input<typeof stackOptionsSchema>;
export type StackOptions = z.output<typeof stackOptionsSchema>;

export function parseStackOptions(input: unknown): StackOptions {
  const parsed = stackOptionsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(options)'}: ${i.message}`);
    throw new KitError('ERR_CONFIG_INVALID', `stack options are invalid:\n- ${issues.join('\n- ')}`, { issues });
  }
  return parsed.data;
}

/** The default personas dir is the kit's, wherever the command runs from; other relative paths follow the cwd. */
export function resolvePersonasDir(dir: string): string {
  if (dir === 'fixtures/personas') return resolve(REPO_ROOT, dir);
  return isAbsolute(dir) ? dir : resolve(dir);
}

export interface PortPlan {
  readonly agencies: Readonly<Record<CalledAgency, number>>;
  readonly hub: number;
  readonly gateway: number;
  readonly decision: number;
}

/** 7101–7106 in the agencies' fixed order (the gateway's and the simulators' defaults agree on it). */
export function portPlan(ports: StackOptions['ports']): PortPlan {
  const auto = ports === 'auto';
  return {
    agencies: Object.fromEntries(CALLED_AGENCIES.map((a, i) => [a, auto ? 0 : 7101 + i])) as Record<CalledAgency, number>,
    hub: auto ? 0 : 7200,
    gateway: auto ? 0 : 7300,
    decision: auto ? 0 : 7400,
  };
}
