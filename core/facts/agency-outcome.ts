import { z } from 'zod';
import { agencyCodeSchema } from './agency.ts';
import { factsSchemaRegistry } from './schema-registry.ts';

/**
 * How asking one agency went. A missing fact must be distinguishable from an agency that has nothing on the
 * person: the first sends an application to manual review, the second can be a refusal condition.
 */
export const AGENCY_OUTCOME_STATUSES = ['answered', 'no-data', 'failed', 'pending'] as const;

export const outcomeErrorSchema = z
  .strictObject({
    /** A kit error code (ERR_*). Kept as a pattern rather than the catalogue enum so old documents stay readable. */
    code: z.string().regex(/^ERR_[A-Z0-9_]+$/, { message: 'Expected an error code like ERR_AGENCY_TIMEOUT' }),
    message: z.string().min(1),
    retryable: z.boolean(),
  })
  .register(factsSchemaRegistry, { id: 'OutcomeError', description: 'Why asking an agency failed' });

export const agencyOutcomeSchema = z
  .strictObject({
    agency: agencyCodeSchema,
    status: z.enum(AGENCY_OUTCOME_STATUSES),
    error: outcomeErrorSchema.optional(),
  })
  .refine((o) => (o.status === 'failed') === (o.error !== undefined), {
    message: 'An error is required when, and only when, the status is "failed"',
    path: ['error'],
  })
  .register(factsSchemaRegistry, { id: 'AgencyOutcome', description: 'The result of asking one agency' });

export type AgencyOutcomeStatus = (typeof AGENCY_OUTCOME_STATUSES)[number];
export type OutcomeError = z.infer<typeof outcomeErrorSchema>;
export type AgencyOutcome = z.infer<typeof agencyOutcomeSchema>;
