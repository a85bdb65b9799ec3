/**
 * @module lifecycle
 * Which InteractionStatusType value each step of a message's life is written as, per schema version (reference
 * §1.7). The enumerations differ (1.1 has responseIsDelivered, 1.2 messageIsDelivered/messageIsArchived, 1.3
 * adds responseIsQueued), so every status the hub writes goes through here and is a member of the version's list.
 */
import { isInteractionStatus, type InteractionStatus, type SmevVersion } from '../../core/smev/envelope/index.ts';

export type LifecycleStep =
  /** SendRequest accepted, payload check pending. */
  | 'request-queued'
  /** Payload passed the registered XSD; the request is in the provider's queue. */
  | 'request-accepted'
  | 'request-rejected'
  /** Handed to the provider by GetRequest. */
  | 'request-delivered'
  /** The provider acknowledged it: it is working on it. */
  | 'request-processing'
  /** The provider's SendResponse for it was accepted. */
  | 'request-answered'
  /** SendResponse accepted; waiting in the consumer's queue. */
  | 'response-queued'
  | 'response-delivered'
  | 'response-acked';

/** First choice per step, then fallbacks for versions that lack it. */
const CANDIDATES: Readonly<Record<LifecycleStep, readonly InteractionStatus[]>> = {
  'request-queued': ['requestIsQueued'],
  'request-accepted': ['requestIsAcceptedBySmev'],
  'request-rejected': ['requestIsRejectedBySmev'],
  'request-delivered': ['messageIsDelivered', 'underProcessing'],
  'request-processing': ['underProcessing'],
  'request-answered': ['responseIsAcceptedBySmev'],
  'response-queued': ['responseIsQueued', 'responseIsAcceptedBySmev'],
  'response-delivered': ['messageIsDelivered', 'responseIsDelivered'],
  'response-acked': ['messageIsArchived', 'responseIsDelivered'],
};

export function statusFor(step: LifecycleStep, version: SmevVersion): InteractionStatus {
  const found = CANDIDATES[step].find((status) => isInteractionStatus(status, version));
  // Every step has a candidate in every version; reaching this means the table above was edited wrongly.
  if (found === undefined) throw new Error(`no ${version} status for lifecycle step ${step}`);
  return found;
}
