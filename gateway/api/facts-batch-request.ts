/**
 * @module facts-batch-request
 * The body of POST /v1/facts/batch: up to MAX_BATCH_REQUESTS facts requests (each exactly the body of POST
 * /v1/facts, without its own `wait`) sharing one wait. A decision service asks about every person of an application
 * at once, so it pays one HTTP round trip instead of one per person. The whole batch is validated first: one bad
 * item answers 400 listing every issue with its item's index, and nothing runs.
 */
import { z } from 'zod';
import { factsRequestSchema } from './facts-request.ts';

/** A family application names a handful of people; 32 leaves room without letting one call fan out without end. */
export const MAX_BATCH_REQUESTS = 32;

export const factsBatchItemSchema = factsRequestSchema.omit({ wait: true }).meta({ description: 'One facts request of a batch: the body of POST /v1/facts without `wait`' });

export const factsBatchRequestSchema = z
  .strictObject({
    requests: z
      .array(factsBatchItemSchema)
      .min(1, { message: 'Give at least one facts request' })
      .max(MAX_BATCH_REQUESTS, { message: `At most ${MAX_BATCH_REQUESTS} facts requests per batch` }),
    wait: z.strictObject({ maxMs: z.number().int().min(0).max(600_000) }).optional(),
  })
  .meta({ description: 'Several facts requests answered together, in order, each as POST /v1/facts would answer it' });

export type FactsBatchRequest = z.output<typeof factsBatchRequestSchema>;
