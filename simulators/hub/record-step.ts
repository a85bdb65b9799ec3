/**
 * @module record-step
 * One place that moves a message to a lifecycle step: its status, its history entry and, for the steps a sender
 * is told about, a notice in the sender's status queue (read with GetStatus).
 */
import type { AsyncSmevFault } from '../../core/smev/envelope/index.ts';
import type { HubContext } from './hub-context.ts';
import { statusFor, type LifecycleStep } from './lifecycle.ts';
import type { HistoryEvent, StoredMessage } from './store-model.ts';

/** Steps the sender hears about through its status queue. */
const NOTIFIED: ReadonlySet<LifecycleStep> = new Set(['request-accepted', 'request-rejected', 'request-delivered', 'request-answered', 'response-delivered']);

export interface StepRecord {
  readonly message: Pick<StoredMessage, 'messageId' | 'version' | 'sender'>;
  readonly step: LifecycleStep;
  readonly event: HistoryEvent;
  readonly at: Date;
  readonly party: string;
  readonly details?: string;
  readonly fault?: AsyncSmevFault;
  /** Default true: also set the message's current status (false for history-only events such as redelivery). */
  readonly setStatus?: boolean;
}

export function recordStep(context: HubContext, record: StepRecord): void {
  const { message, step, at } = record;
  const status = statusFor(step, message.version);
  if (record.setStatus !== false) context.store.setStatus(message.messageId, status);
  context.store.addHistory(message.messageId, {
    at: at.toISOString(),
    event: record.event,
    status,
    party: record.party,
    ...(record.details === undefined ? {} : { details: record.details }),
  });
  if (NOTIFIED.has(step) && record.setStatus !== false) {
    context.store.pushStatus({
      owner: message.sender,
      version: message.version,
      originalMessageId: message.messageId,
      status,
      ...(record.details === undefined ? {} : { details: record.details }),
      ...(record.fault === undefined ? {} : { fault: record.fault }),
      createdAt: at.toISOString(),
    });
  }
}
