/**
 * @module application-view
 * What GET /v1/applications/:id and the list return, built from the store. The decision is returned as the rules
 * made it (amounts in kopecks, each reason with the facts behind it) with a formatted amount beside; the trace is
 * returned structured and as the rendered text a person reads.
 */
import { formatRubles } from '../rules/exact-money.ts';
import type { Decision, Trace } from '../rules/index.ts';
import type { DecisionStore, StoredApplication } from '../store/decision-store.ts';

export function links(id: string): { self: string; list: string } {
  return { self: `/v1/applications/${id}`, list: '/v1/applications' };
}

export function summaryView(app: StoredApplication): Record<string, unknown> {
  return {
    id: app.id,
    measure: app.measure,
    applicationDate: app.applicationDate,
    receivedAt: app.receivedAt,
    status: app.status,
    decision: app.decisionKind ?? null,
    links: links(app.id),
  };
}

export function applicationView(store: DecisionStore, app: StoredApplication): Record<string, unknown> {
  const stored = store.decision(app.id);
  const { contact: _contact, address, ...rest } = { contact: app.contact, address: app.address, application: app.application };
  return {
    id: app.id,
    measure: app.measure,
    applicationDate: app.applicationDate,
    receivedAt: app.receivedAt,
    status: app.status,
    timeline: store.timeline(app.id),
    processing: {
      stage: app.stage,
      attempts: app.attempts,
      ...(app.stage === 'pending' ? { nextAttemptAt: new Date(app.nextAttemptAt).toISOString() } : {}),
      ...(app.lastError === undefined ? {} : { lastError: app.lastError }),
    },
    application: { ...rest.application, ...(address === undefined ? {} : { address }) },
    decision: stored === undefined ? null : { decidedAt: stored.decidedAt, ...decisionView(stored.decision) },
    trace: stored === undefined ? null : { ...stored.decision.trace, text: stored.traceText },
    notifications: store.outbox.forApplication(app.id),
    links: links(app.id),
  };
}

function decisionView(decision: Decision): Record<string, unknown> {
  const { trace: _trace, ...rest } = decision as Decision & { trace: Trace };
  if (decision.kind === 'granted') return { ...rest, amount: formatRubles(decision.amountKopecks) };
  return rest;
}
