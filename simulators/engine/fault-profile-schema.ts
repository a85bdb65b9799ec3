/**
 * @module fault-profile-schema
 * The fault-profile file format: an ordered list of rules. A rule says which calls it concerns (`when`), how often
 * it fires (always, with a seeded probability, on the first N calls, or on listed call numbers — counted per
 * applicant), and what happens (`action`, from a closed set). The set is closed on purpose: every action is
 * something a transport knows how to perform, and an unknown action is refused when the profile loads, not
 * discovered on the first request.
 */
import { z } from 'zod';
import { SMEV_FAULT_NAMES } from '../../core/smev/envelope/faults.ts';
import { REJECTION_REASON_CODES } from '../../core/smev/envelope/statuses.ts';
import { SIMULATED_AGENCIES } from './persona-schema.ts';

const ms = z.number().int().min(0).max(600_000);
const retryAfterSeconds = z.number().int().min(0).max(86_400).optional();

export const faultActionSchema = z.discriminatedUnion('type', [
  /** A SOAP Fault from the exchange, e.g. SMEVFailure or InvalidContent. */
  z.strictObject({ type: z.literal('soap-fault'), fault: z.enum(SMEV_FAULT_NAMES), description: z.string().min(1).optional() }),
  /** A well-formed answer that refuses the request (RequestRejected with a RejectionReasonCode). */
  z.strictObject({ type: z.literal('rejected'), code: z.enum(REJECTION_REASON_CODES), description: z.string().min(1).optional() }),
  /** "Not ready yet" (FNS processing code 52) `times` times in a row for this applicant, then the real answer. */
  z.strictObject({ type: z.literal('not-ready'), times: z.number().int().min(1).max(1000).default(1) }),
  z.strictObject({ type: z.literal('http-status'), status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]), retryAfterSeconds }),
  /** 503 with a maintenance page; engine-wide maintenance (setMaintenance) produces the same action for every call. */
  z.strictObject({ type: z.literal('maintenance'), retryAfterSeconds }),
  z.strictObject({ type: z.literal('connection-reset') }),
  /** The real answer cut after `fraction` of its bytes (0 < fraction < 1). */
  z.strictObject({ type: z.literal('truncated-xml'), fraction: z.number().gt(0).lt(1) }),
  /** The real answer with its signature value altered so verification fails. */
  z.strictObject({ type: z.literal('bad-signature') }),
  /** The real answer sent in `chunkSize`-byte chunks, `delayMs` apart. */
  z.strictObject({ type: z.literal('slow-drip'), chunkSize: z.number().int().min(1).max(1 << 20), delayMs: ms }),
  /** No answer: hold the connection for `holdMs` and then close it, or forever when `holdMs` is absent. */
  z.strictObject({ type: z.literal('timeout'), holdMs: ms.optional() }),
]);
export type FaultAction = z.infer<typeof faultActionSchema>;
export type FaultActionType = FaultAction['type'];

export const faultMatchSchema = z.strictObject({
  agency: z.enum(SIMULATED_AGENCIES).optional(),
  operation: z.string().min(1).optional(),
  personaId: z.string().min(1).optional(),
  /** Compared by digits, so "112-233-445 95" and "11223344595" are the same. */
  snils: z.string().min(1).optional(),
});
export type FaultMatch = z.infer<typeof faultMatchSchema>;

export const faultRuleSchema = z
  .strictObject({
    /** Names the rule in plans and the journal, and names its random stream; defaults to the rule's content. */
    id: z.string().min(1).optional(),
    description: z.string().optional(),
    when: faultMatchSchema.default({}),
    probability: z.number().min(0).max(1).optional(),
    firstCalls: z.number().int().min(1).optional(),
    calls: z.array(z.number().int().min(1)).min(1).optional(),
    action: faultActionSchema,
  })
  .refine((rule) => [rule.probability, rule.firstCalls, rule.calls].filter((t) => t !== undefined).length <= 1, {
    message: 'a rule fires by at most one of probability, firstCalls, calls (none means every matching call)',
    path: ['probability'],
  });
export type FaultRule = z.infer<typeof faultRuleSchema>;

export const faultProfileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().optional(),
    rules: z.array(faultRuleSchema).default([]),
  })
  .superRefine((profile, ctx) => {
    const ids = new Set<string>();
    profile.rules.forEach((rule, index) => {
      if (rule.id === undefined) return;
      if (ids.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `rule id "${rule.id}" is used twice` });
      ids.add(rule.id);
    });
  });
export type FaultProfile = z.infer<typeof faultProfileSchema>;

export const EMPTY_FAULT_PROFILE: FaultProfile = Object.freeze({ rules: [] });
