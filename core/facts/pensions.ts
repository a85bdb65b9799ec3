import { z } from 'zod';
import { datePeriodSchema } from './calendar.ts';
import { kopecksSchema } from './money.ts';
import { factsSchemaRegistry } from './schema-registry.ts';

/**
 * Pensions and other payments from the pension fund (pensions-on-date, payments-for-period). They count as family
 * income in the child-payment rule, and a survivor's pension is informative for the breadwinner-loss allowance.
 */
export const pensionFactDataSchema = z
  .strictObject({
    /** Agency's payment kind code as sent (e.g. survivor's pension); `kindName` is for people. */
    kind: z.string().trim().min(1),
    kindName: z.string().trim().min(1).optional(),
    /** Amount per month of the period. */
    monthlyAmountKopecks: kopecksSchema,
    period: datePeriodSchema,
  })
  .register(factsSchemaRegistry, { id: 'PensionFact', description: 'A pension or payment of one kind over a period' });

export type PensionFactData = z.infer<typeof pensionFactDataSchema>;
