import { z } from 'zod';
import { factGroupSchemas, type FactGroup, type PartialFacts } from './fact-groups.ts';
import { factsInvalidError } from './parse-applicant-facts.ts';

const partialFactsSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(factGroupSchemas).map(([group, schema]) => [group, z.array(schema).optional()]),
  ) as { [G in FactGroup]: z.ZodOptional<z.ZodArray<(typeof factGroupSchemas)[G]>> },
);

/**
 * Validates what an adapter produced before it reaches the gateway, so a mapping bug surfaces as ERR_FACTS_INVALID
 * naming the field, at the adapter, instead of as a confusing decision later.
 */
export function parsePartialFacts(input: unknown): PartialFacts {
  const result = partialFactsSchema.safeParse(input);
  if (result.success) return result.data;
  throw factsInvalidError(result.error.issues, 'Adapter facts');
}
