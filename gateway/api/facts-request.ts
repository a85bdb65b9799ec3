/**
 * @module facts-request
 * The body of POST /v1/facts, validated with zod (every issue reported, 400). The subject is the facts model's
 * SubjectIdentifiers plus the dwelling the housing system is searched by. `related.births` picks the civil
 * registry search: the subject's own birth record, or the records naming the subject as a parent (children).
 */
import { z } from 'zod';
import { FACT_GROUPS, datePeriodSchema, isoDateSchema, subjectIdentifiersSchema, type FactGroup } from '../../core/facts/index.ts';

export const dwellingSchema = z
  .strictObject({
    fiasHouseGuid: z.uuid({ message: 'Expected a FIAS house GUID' }).optional(),
    address: z.string().trim().min(1).max(500).optional(),
  })
  .refine((d) => d.fiasHouseGuid !== undefined || d.address !== undefined, { message: 'Give fiasHouseGuid or address' })
  .meta({ description: 'The dwelling the housing system is searched by' });

export const factsSubjectSchema = z
  .strictObject({ ...subjectIdentifiersSchema.shape, dwelling: dwellingSchema.optional() })
  .meta({ description: 'Who the facts are about, and the dwelling for housing facts' });

export const purposeSchema = z
  .strictObject({
    measure: z.string().trim().min(1).max(100).optional(),
    caseNumber: z.string().trim().min(1).max(100).optional(),
  })
  .refine((p) => p.measure !== undefined || p.caseNumber !== undefined, { message: 'The legal purpose needs a measure or a case number' })
  .meta({ description: 'The legal ground of the request: a measure and/or a case number' });

export const factGroupEnum = z.enum(FACT_GROUPS as unknown as [FactGroup, ...FactGroup[]]);

export const factsRequestSchema = z
  .strictObject({
    subject: factsSubjectSchema,
    groups: z
      .array(factGroupEnum)
      .min(1, { message: 'Ask for at least one fact group' })
      .refine((gs) => new Set(gs).size === gs.length, { message: 'A fact group is listed twice' }),
    period: datePeriodSchema.optional(),
    asOf: isoDateSchema.optional(),
    purpose: purposeSchema,
    related: z.strictObject({ births: z.enum(['own', 'children']).default('own') }).optional(),
    wait: z.strictObject({ maxMs: z.number().int().min(0).max(600_000) }).optional(),
  })
  .meta({ description: 'Which facts about whom, for which period, and why' });

export type FactsRequest = z.output<typeof factsRequestSchema>;
