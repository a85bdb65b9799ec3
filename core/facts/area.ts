import { z } from 'zod';
import { factsSchemaRegistry } from './schema-registry.ts';

/**
 * Living area in integer hundredths of a square metre (54.35 m² → 5435). The utility compensation caps area by a
 * social norm and splits charges by residents; integers keep that arithmetic exact, like kopecks do for money.
 */
export const areaHundredthsSchema = z
  .number()
  .int({ message: 'Area must be an integer number of hundredths of m²' })
  .nonnegative()
  .register(factsSchemaRegistry, {
    id: 'AreaHundredthsM2',
    description: 'Area in integer hundredths of a square metre (54.35 m² is 5435)',
  });

/** "54.35", "54.3", "54", "54.350" → hundredths; undefined for text that is not such a decimal or needs more precision. */
export function parseAreaM2(text: string): number | undefined {
  const match = /^(\d{1,9})(?:[.,](\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return undefined;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Hundredths → "54.35" (always two decimals). */
export function formatAreaM2(hundredths: number): string {
  return `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}
