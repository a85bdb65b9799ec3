/**
 * @module env-formats
 * The small text formats environment variables use: integers with bounds, booleans, and `key=value,key=value`
 * maps (per fact group, per agency). Kept apart so config.ts reads as the list of variables.
 */
import { z } from 'zod';

export const intEnv = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** `income=3600000,housing=86400000` → { income: 3600000, housing: 86400000 }, keys checked against `keys`. */
export function mapEnv<K extends string>(keys: readonly K[], value: z.ZodType<number>) {
  return z
    .string()
    .transform((text, ctx): Partial<Record<K, number>> => {
      const out: Partial<Record<K, number>> = {};
      for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
        const [key, raw] = part.split('=').map((s) => s.trim());
        if (key === undefined || raw === undefined || !(keys as readonly string[]).includes(key)) {
          ctx.addIssue({ code: 'custom', message: `"${part}" is not key=number with a key among ${keys.join(', ')}` });
          continue;
        }
        const parsed = value.safeParse(Number(raw));
        if (!parsed.success) ctx.addIssue({ code: 'custom', message: `"${part}": ${parsed.error.issues[0]?.message ?? 'bad number'}` });
        else out[key as K] = parsed.data;
      }
      return out;
    })
    .optional()
    .transform((map): Partial<Record<K, number>> => map ?? {});
}
