import { z } from 'zod';
import { isoMonthSchema, monthPeriodSchema, type IsoMonth, type MonthPeriod } from './calendar.ts';
import { innSchema, kppSchema } from './inn.ts';
import { kopecksSchema, nonNegativeKopecksSchema } from './money.ts';
import { factsSchemaRegistry } from './schema-registry.ts';

/**
 * Income as the tax service reports it (2-NDFL): per month, per paying agent, per income code. The child-payment
 * rule sums a family's income over an assessment period, so entries stay at this grain instead of being
 * pre-aggregated; the reported annual totals are kept too, for the trace and for cross-checks.
 */

export const payingAgentSchema = z
  .strictObject({
    name: z.string().trim().min(1),
    inn: innSchema,
    /** Organisations have a KPP; individual-entrepreneur agents do not. */
    kpp: kppSchema.optional(),
  })
  .register(factsSchemaRegistry, { id: 'PayingAgent', description: 'The organisation or person that paid the income' });

export const incomeEntrySchema = z
  .strictObject({
    month: isoMonthSchema,
    agent: payingAgentSchema,
    /** Tax-service income code, 4 digits (e.g. 2000 salary, 2012 holiday pay). */
    incomeCode: z.string().regex(/^\d{4}$/, { message: 'Income code is 4 digits' }),
    /** Negative for recalculations an agent reported as corrections. */
    amountKopecks: kopecksSchema,
  })
  .register(factsSchemaRegistry, { id: 'IncomeEntry', description: 'One month × agent × income code amount' });

export const reportedIncomeTotalsSchema = z
  .strictObject({
    year: z.string().regex(/^\d{4}$/),
    agentInn: innSchema,
    totalIncomeKopecks: nonNegativeKopecksSchema,
    taxBaseKopecks: nonNegativeKopecksSchema.optional(),
    taxWithheldKopecks: nonNegativeKopecksSchema.optional(),
  })
  .register(factsSchemaRegistry, {
    id: 'ReportedIncomeTotals',
    description: "An agent's annual totals as reported by the agency (not recomputed)",
  });

export const incomeFactDataSchema = z
  .strictObject({
    /** The months the request covered; an entry outside it is an agency error worth noticing, not dropping. */
    period: monthPeriodSchema,
    entries: z.array(incomeEntrySchema),
    reportedTotals: z.array(reportedIncomeTotalsSchema),
  })
  .register(factsSchemaRegistry, { id: 'IncomeFact', description: 'Income statement for a requested period' });

export type PayingAgent = z.infer<typeof payingAgentSchema>;
export type IncomeEntry = z.infer<typeof incomeEntrySchema>;
export type ReportedIncomeTotals = z.infer<typeof reportedIncomeTotalsSchema>;
export type IncomeFactData = z.infer<typeof incomeFactDataSchema>;

/** Sum of entries in kopecks, optionally only those within an inclusive month range. Exact: integers only. */
export function totalIncomeKopecks(entries: readonly IncomeEntry[], within?: MonthPeriod): number {
  let total = 0;
  for (const entry of entries) {
    if (within && !monthInPeriod(entry.month, within)) continue;
    total += entry.amountKopecks;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('Income total exceeds the exact integer range');
  return total;
}

function monthInPeriod(month: IsoMonth, period: MonthPeriod): boolean {
  // YYYY-MM strings order the same way as the months they name.
  return month >= period.from && month <= period.to;
}
