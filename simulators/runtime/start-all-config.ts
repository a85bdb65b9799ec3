/**
 * @module start-all-config
 * Environment of `npm run simulators`, validated once with every problem reported together.
 */
import { z } from 'zod';
import { KitError } from '../../core/errors/index.ts';

export const startAllEnvSchema = z.object({
  SIMULATORS_HOST: z.string().min(1).default('127.0.0.1'),
  /** The first agency listens here, the others on the following ports, in AGENCY_CODES order. */
  SIMULATORS_BASE_PORT: z.coerce.number().int().min(1).max(65_535 - 5).default(7101),
  PERSONAS_DIR: z.string().min(1).default('fixtures/personas'),
  FAULTS_FILE: z.string().min(1).optional(),
  SIMULATOR_SEED: z.union([z.coerce.number().int(), z.string().min(1)]).default(1),
  SIMULATORS_KEYS_DIR: z.string().min(1).optional(),
  SIMULATORS_REQUIRE_SIGNED: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export type StartAllConfig = z.output<typeof startAllEnvSchema>;

export function parseStartAllEnv(env: Readonly<Record<string, string | undefined>>): StartAllConfig {
  // Empty variables count as unset, the way shells leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = startAllEnvSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new KitError('ERR_CONFIG_INVALID', `simulator environment is invalid: ${issues.join('; ')}`, { issues });
}
