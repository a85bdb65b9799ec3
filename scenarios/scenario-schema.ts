/**
 * @module scenario-schema
 * The QA scenario file format (fixtures/scenarios/*.json, one scenario per file): the demo personas it uses, the
 * faults and latency the simulators apply while it runs, and the applications it submits with the outcome each
 * must reach. Scenarios are data, not code: everything a scenario can say is here, validated with zod when the
 * file loads, and exported as fixtures/scenarios/scenario.schema.json for editors.
 */
import { z } from 'zod';
import { MANUAL_REVIEW_CODES, MEASURE_IDS, REFUSAL_CODES } from '../decision/rules/index.ts';
import { faultProfileSchema } from '../simulators/engine/fault-profile-schema.ts';
import { latencyConfigSchema } from '../simulators/engine/latency.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Expected a date YYYY-MM-DD' });

/** Both lists: a granted decision's `notGranted` holds refusal codes, a manual review may hold either kind. */
export const REASON_CODES = [...REFUSAL_CODES, ...MANUAL_REVIEW_CODES] as const;

export const expectedPeriodSchema = z
  .union([
    z
      .strictObject({ from: isoDate.optional(), to: z.union([isoDate, z.null()]).optional() })
      .meta({ description: 'Monthly: the fields given are compared; `to: null` expects an open-ended grant' }),
    z.strictObject({ oneOff: z.literal(true), on: isoDate.optional() }).meta({ description: 'One-off payment (on a date, when given)' }),
  ])
  .meta({ description: 'The granted period; only the fields given are compared' });

export const expectationSchema = z
  .strictObject({
    /** The status the application ends in before "notified". */
    finalStatus: z.enum(['decided', 'manual-review']),
    decision: z.enum(['granted', 'refused', 'manual-review']).optional(),
    /** Monthly measures: per month for all beneficiaries together; one-off: the total. */
    amountKopecks: z.number().int().min(0).optional(),
    /** Per beneficiary, in the application's order (e.g. two children at 75 % each). */
    paymentsKopecks: z.array(z.number().int().min(0)).optional(),
    period: expectedPeriodSchema.optional(),
    /**
     * The exact set of reason codes: a refusal's or a manual review's `reasons`, or a grant's `notGranted`
     * (children of the application who were not granted). `[]` asserts there are none.
     */
    reasons: z.array(z.enum(REASON_CODES)).optional(),
    /**
     * Deadline for reaching "notified", from the submission (default 30 000 ms). A timeout, not a performance
     * target: set it generously, above the gateway's retry budget when faults are injected.
     */
    within: z.number().int().min(100).max(600_000).optional(),
  })
  .superRefine((e, ctx) => {
    const fits = e.decision === undefined || (e.finalStatus === 'manual-review') === (e.decision === 'manual-review');
    if (!fits) ctx.addIssue({ code: 'custom', path: ['decision'], message: `decision "${e.decision}" cannot end in status "${e.finalStatus}"` });
    const grantOnly = (['amountKopecks', 'paymentsKopecks', 'period'] as const).filter((k) => e[k] !== undefined);
    if (grantOnly.length > 0 && e.decision !== 'granted') {
      ctx.addIssue({ code: 'custom', path: [grantOnly[0] ?? 'decision'], message: `${grantOnly.join(', ')} only apply to decision "granted"` });
    }
  });

export const stepSchema = z.strictObject({
  description: z.string().optional(),
  /**
   * The body of POST /v1/applications, as a client would send it. The loader checks it against the decision
   * service's own intake schema, so a typo is reported with the file and the path, not as a 400 at run time.
   */
  submit: z.record(z.string(), z.unknown()),
  /** Copies of this application submitted at the same moment (a burst); each must reach `expect`. */
  copies: z.number().int().min(1).max(500).default(1),
  /** Sent as Idempotency-Key (copies then share one application: the same id back). */
  idempotencyKey: z.string().min(1).max(200).optional(),
  expect: expectationSchema,
});

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    /** Equals the file name without ".json". */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'Expected lower-case letters, digits and dashes' }),
    title: z.string().min(1),
    description: z.string().optional(),
    measure: z.enum(MEASURE_IDS),
    /** Demo persona ids (fixtures/personas/<id>.json) the applications are built from. */
    personas: z.array(z.string().min(1)).min(1),
    /** A fault profile as the simulator engine takes it (fixtures/faults/*.json): applied for this scenario only. */
    faults: faultProfileSchema.optional(),
    latency: latencyConfigSchema.optional(),
    /**
     * Limits of a stack of the scenario's own (in-process runs only; against running URLs the running stack's
     * limits apply): tight gateway quotas make a burst meet the limiter instead of slipping under it.
     */
    stack: z
      .strictObject({
        gatewayAgencyRatePerSec: z.number().int().min(1).max(10_000).optional(),
        gatewayConsumerRatePerSec: z.number().int().min(1).max(10_000).optional(),
        gatewayAgencyConcurrency: z.number().int().min(1).max(1_000).optional(),
        /** 0 turns the facts cache off, so copies of one persona each reach the agencies (and their limits). */
        gatewayCacheTtlMs: z.number().int().min(0).max(86_400_000).optional(),
        decisionWorkerConcurrency: z.number().int().min(1).max(256).optional(),
      })
      .optional(),
    /**
     * Scenarios with faults, latency or stack limits always run alone (on a stack of their own, or serially); `isolated` asks
     * the same for a fault-free one, e.g. a burst meant to meet the gateway's limits by itself.
     */
    isolated: z.boolean().default(false),
    /** Submit all steps at once instead of one after another (each step waits for the previous one's outcome). */
    concurrentSteps: z.boolean().default(false),
    steps: z.array(stepSchema).min(1),
    tags: z.array(z.string().min(1)).default([]),
  })
  .meta({ title: 'Agency-kit QA scenario' });

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioStep = z.output<typeof stepSchema>;
export type Expectation = z.output<typeof expectationSchema>;
export type ExpectedPeriod = z.output<typeof expectedPeriodSchema>;

/** Needs its own stack state: faults and latency are engine-wide, so they must not leak into other scenarios. */
export function needsIsolation(scenario: Scenario): boolean {
  return scenario.isolated || (scenario.faults?.rules.length ?? 0) > 0 || scenario.latency !== undefined || scenario.stack !== undefined;
}
