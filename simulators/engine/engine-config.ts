/**
 * @module engine-config
 * The simulator engine's configuration: validated once with every problem reported together, defaults filled in
 * next to the schema, then deep-frozen so nothing changes it behind the engine's back (runtime changes go through
 * the engine's setters, which validate again).
 */
import { z } from 'zod';
import { KitError } from '../../core/errors/index.ts';
import { faultProfileSchema } from './fault-profile-schema.ts';
import { latencyConfigSchema } from './latency.ts';
import { formatIssuePath } from './persona-files.ts';

export const journalLimitsSchema = z.strictObject({
  maxEntries: z.number().int().min(1).max(10_000_000),
  maxBytes: z.number().int().min(1024),
  maxBodyBytes: z.number().int().min(0).optional(),
});

export const engineConfigSchema = z
  .strictObject({
    /** One seed reproduces a whole run: latencies and probabilistic faults. */
    seed: z.union([z.number().int(), z.string().min(1)]),
    personasDir: z.string().min(1).optional(),
    /** Watch personasDir and reload on change (default true when personasDir is set). */
    watchPersonas: z.boolean().optional(),
    reloadDebounceMs: z.number().int().min(0).max(60_000).default(150),
    /** Personas given as data (a persona or an array), used when there is no personasDir. */
    personas: z.unknown().optional(),
    faults: faultProfileSchema.default({ rules: [] }),
    latency: latencyConfigSchema.default({ agencies: {} }),
    journal: journalLimitsSchema.default({ maxEntries: 10_000, maxBytes: 64 * 1024 * 1024 }),
    maintenance: z.boolean().default(false),
  })
  .refine((c) => !(c.personasDir !== undefined && c.personas !== undefined), {
    message: 'give personasDir or personas, not both',
    path: ['personas'],
  });

export type EngineConfigInput = z.input<typeof engineConfigSchema>;
export type EngineConfig = Readonly<z.output<typeof engineConfigSchema>>;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

/** Throws ERR_CONFIG_INVALID with `details.issues` listing every problem. */
export function parseEngineConfig(input: unknown): EngineConfig {
  const parsed = engineConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: formatIssuePath(i.path), message: i.message }));
    throw new KitError('ERR_CONFIG_INVALID', `simulator engine config is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
  }
  return deepFreeze(parsed.data);
}
