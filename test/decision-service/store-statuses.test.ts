/**
 * The intermediate statuses ride in the claim and decide transactions: each is recorded once (a re-claim after a
 * crash or a retry adds nothing), with the time it happened, in timeline order, each with its outbox row.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseIntake } from '../../decision/api/intake.ts';
import { DecisionStore } from '../../decision/store/decision-store.ts';
import { IN_MEMORY } from '../../decision/store/open-database.ts';
import { makeDecision } from '../../decision/worker/make-decision.ts';
import { family } from './family.ts';

const stores: DecisionStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function submitted(): { store: DecisionStore; id: string; application: ReturnType<typeof family>['application'] } {
  const store = DecisionStore.open(IN_MEMORY, { webhookEnabled: true });
  stores.push(store);
  const { application } = family(6_000_000);
  const intake = parseIntake(application, '2026-11-16');
  if (!intake.ok) throw new Error('the test application is invalid');
  const result = store.submit(intake.intake, new Date('2026-11-16T10:00:00.000Z'));
  return { store, id: result.id, application };
}

const outboxStatuses = (store: DecisionStore, id: string): string[] => store.outbox.forApplication(id).map((n) => n.status);

describe('decision store statuses', () => {
  it('appends requests-sent in the claim, at the claim time, and not again when the application is claimed again', () => {
    const { store, id } = submitted();
    const claimAt = Date.parse('2026-11-16T10:00:01.000Z');
    const [claimed] = store.claim('worker-a', 16, claimAt, 1_000);
    expect(claimed?.status).toBe('requests-sent');
    expect(store.get(id)?.status).toBe('requests-sent');
    // The lease ran out (the worker died): another worker takes the application over.
    const [again] = store.claim('worker-b', 16, claimAt + 5_000, 1_000);
    expect(again?.id).toBe(id);
    expect(store.timeline(id)).toEqual([
      { status: 'received', at: '2026-11-16T10:00:00.000Z' },
      { status: 'requests-sent', at: '2026-11-16T10:00:01.000Z' },
    ]);
    expect(outboxStatuses(store, id)).toEqual(['received', 'requests-sent']);
  });

  it('records facts-received with the time the facts arrived, before the decision, in the decide transaction', () => {
    const { store, id, application } = submitted();
    store.claim('worker-a', 16, Date.parse('2026-11-16T10:00:01.000Z'), 30_000);
    const intake = parseIntake(application, '2026-11-16');
    if (!intake.ok) throw new Error('the test application is invalid');
    const times = { factsReceivedAt: new Date('2026-11-16T10:00:02.000Z'), decidedAt: new Date('2026-11-16T10:00:02.000Z') };
    const result = store.decide(id, 'worker-a', times, (previousGrants) => makeDecision(id, intake.intake.application, {}, '86', previousGrants));
    expect(result).toBe('decided');
    const timeline = store.timeline(id);
    expect(timeline.map((t) => t.status)).toEqual(['received', 'requests-sent', 'facts-received', 'manual-review']);
    expect(timeline[2]?.at).toBe('2026-11-16T10:00:02.000Z');
    expect(outboxStatuses(store, id)).toEqual(['received', 'requests-sent', 'facts-received', 'manual-review']);
    expect(store.get(id)?.status).toBe('manual-review');
  });

  it('records no facts-received for a worker whose lease was lost, and stores nothing', () => {
    const { store, id, application } = submitted();
    store.claim('worker-a', 16, Date.parse('2026-11-16T10:00:01.000Z'), 1_000);
    store.claim('worker-b', 16, Date.parse('2026-11-16T10:00:05.000Z'), 30_000);
    const intake = parseIntake(application, '2026-11-16');
    if (!intake.ok) throw new Error('the test application is invalid');
    const times = { factsReceivedAt: new Date(), decidedAt: new Date() };
    expect(store.decide(id, 'worker-a', times, (previousGrants) => makeDecision(id, intake.intake.application, {}, '86', previousGrants))).toBe('lease-lost');
    expect(store.timeline(id).map((t) => t.status)).toEqual(['received', 'requests-sent']);
    expect(store.decision(id)).toBeUndefined();
  });

  it('appends notified once the decision notice is recorded as written, and never moves the shown status back', () => {
    const { store, id, application } = submitted();
    store.claim('worker-a', 16, Date.now(), 30_000);
    const intake = parseIntake(application, '2026-11-16');
    if (!intake.ok) throw new Error('the test application is invalid');
    store.decide(id, 'worker-a', { factsReceivedAt: new Date(), decidedAt: new Date() }, (previousGrants) => makeDecision(id, intake.intake.application, {}, '86', previousGrants));
    const pending = store.outbox.pendingNotices(50);
    expect(pending.map((n) => n.status)).toEqual(['received', 'requests-sent', 'facts-received', 'manual-review']);
    expect(pending.find((n) => n.status === 'manual-review')?.decision?.kind).toBe('manual-review');
    expect(pending.find((n) => n.status === 'received')?.decision).toBeUndefined();
    // The decision notice first, the earlier ones in a later batch: the status stays notified.
    const asWritten = (n: (typeof pending)[number]) => ({ outboxId: n.id, applicationId: n.applicationId, measure: n.measure, status: n.status, fileName: `${n.seq}.eml` });
    store.recordNoticesWritten(pending.filter((n) => n.status === 'manual-review').map(asWritten), new Date());
    store.recordNoticesWritten(pending.filter((n) => n.status !== 'manual-review').map(asWritten), new Date());
    expect(store.get(id)?.status).toBe('notified');
    expect(store.outbox.pendingNotices(50)).toEqual([]);
    expect(outboxStatuses(store, id)).toEqual(['received', 'requests-sent', 'facts-received', 'manual-review', 'notified']);
  });
});
