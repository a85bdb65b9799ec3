import { z } from 'zod';
import { isoDateSchema } from './calendar.ts';
import { factsSchemaRegistry } from './schema-registry.ts';

/**
 * Disability as the federal disability registry (FRI) records it. The registry codes groups 1, 2, 3, 4 (disabled
 * child) and 7 (not established); the model names them so rules never compare magic digits.
 */
export const DISABILITY_GROUPS = ['1', '2', '3', 'child', 'none'] as const;

const documentReferenceSchema = z.strictObject({
  series: z.string().trim().min(1).optional(),
  number: z.string().trim().min(1),
  date: isoDateSchema,
});

export const disabilityFactDataSchema = z
  .strictObject({
    group: z.enum(DISABILITY_GROUPS),
    since: isoDateSchema,
    /** Absent when established without a term. */
    until: isoDateSchema.optional(),
    reExaminationDate: isoDateSchema.optional(),
    causeCode: z.string().trim().min(1).optional(),
    causeText: z.string().trim().min(1).optional(),
    /** First establishment of disability rather than a re-examination. */
    primary: z.boolean().optional(),
    /** Act of the medical and social expert examination (MSE). */
    mseAct: documentReferenceSchema.optional(),
    /** The certificate (справка МСЭ) issued after it. */
    mseCertificate: documentReferenceSchema.optional(),
  })
  .refine((d) => d.until === undefined || d.since <= d.until, { message: '`since` is after `until`', path: ['until'] })
  .register(factsSchemaRegistry, { id: 'DisabilityFact', description: 'Disability group and its validity' });

export type DisabilityGroup = (typeof DISABILITY_GROUPS)[number];
export type DisabilityFactData = z.infer<typeof disabilityFactDataSchema>;
