/**
 * @module webhook-payload
 * What the webhook receives for a status change. Deliberately without personal data or rule messages (which name
 * people): the decision's kind, amount, period and reason codes; the receiver reads the rest from the API.
 */
import type { Decision } from '../rules/index.ts';
import type { OutboxEntry } from '../store/outbox-store.ts';
import { isDecisionStatus } from '../store/statuses.ts';

export interface WebhookPayload {
  readonly deliveryId: string;
  /** Increases with every notification of the service: order deliveries by it (retries may reorder them). */
  readonly sequence: number;
  readonly applicationId: string;
  readonly measure: string;
  readonly status: string;
  readonly at: string;
  readonly decision?: {
    readonly kind: Decision['kind'];
    readonly amountKopecks?: number;
    readonly period?: unknown;
    readonly reasonCodes: readonly string[];
  };
  readonly links: { readonly application: string };
}

export function webhookPayload(entry: OutboxEntry, decision: Decision | undefined): WebhookPayload {
  const withDecision = decision !== undefined && isDecisionStatus(entry.status);
  return {
    deliveryId: entry.id,
    sequence: entry.seq,
    applicationId: entry.applicationId,
    measure: entry.measure,
    status: entry.status,
    at: entry.createdAt,
    ...(withDecision
      ? {
          decision:
            decision.kind === 'granted'
              ? { kind: decision.kind, amountKopecks: decision.amountKopecks, period: decision.period, reasonCodes: decision.notGranted.map((r) => r.code) }
              : { kind: decision.kind, reasonCodes: decision.reasons.map((r) => r.code) },
        }
      : {}),
    links: { application: `/v1/applications/${entry.applicationId}` },
  };
}
