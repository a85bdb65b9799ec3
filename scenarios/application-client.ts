/**
 * @module application-client
 * The decision service as a client sees it: submit an application, then poll its view until the applicant has
 * been notified of the outcome (the last status), or until the deadline. Answers are validated with zod — only
 * the fields a scenario compares — so a changed API fails with a message, not with `undefined` deep inside.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';

const acceptedSchema = z.looseObject({ id: z.string().min(1) });

const reasonSchema = z.looseObject({ code: z.string() });
const periodSchema = z.union([z.looseObject({ oneOff: z.literal(true), on: z.string() }), z.looseObject({ from: z.string(), to: z.string().optional() })]);

export const applicationViewSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  timeline: z.array(z.looseObject({ status: z.string(), at: z.string().optional() })),
  processing: z.looseObject({ lastError: z.unknown().optional() }).optional(),
  decision: z
    .union([
      z.looseObject({
        kind: z.literal('granted'),
        amountKopecks: z.number(),
        period: periodSchema,
        payments: z.array(z.looseObject({ amountKopecks: z.number() })),
        notGranted: z.array(reasonSchema),
      }),
      z.looseObject({ kind: z.enum(['refused', 'manual-review']), reasons: z.array(reasonSchema) }),
    ])
    .nullable(),
});
export type ApplicationView = z.output<typeof applicationViewSchema>;

export async function submitApplication(decisionUrl: string, body: unknown, idempotencyKey?: string): Promise<string> {
  const response = await fetch(`${decisionUrl}/v1/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 202 && response.status !== 200) throw new Error(`POST /v1/applications answered ${response.status}: ${text.slice(0, 2000)}`);
  return acceptedSchema.parse(JSON.parse(text)).id;
}

export async function readApplication(decisionUrl: string, id: string): Promise<ApplicationView> {
  const response = await fetch(`${decisionUrl}/v1/applications/${encodeURIComponent(id)}`);
  const text = await response.text();
  if (!response.ok) throw new Error(`GET /v1/applications/${id} answered ${response.status}: ${text.slice(0, 2000)}`);
  const parsed = applicationViewSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`GET /v1/applications/${id}: unexpected answer: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export interface WaitResult {
  readonly view: ApplicationView;
  /** False when the deadline passed first; `view` is then the last one read. */
  readonly finished: boolean;
}

/** "notified" is the last status; a decision is complete (and visible to the applicant) only then. */
export async function waitUntilNotified(decisionUrl: string, id: string, deadlineMs: number, pollMs = 25): Promise<WaitResult> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const view = await readApplication(decisionUrl, id);
    if (view.status === 'notified') return { view, finished: true };
    if (Date.now() >= until) return { view, finished: false };
    await sleep(pollMs);
  }
}
