/** Enumerations of the message-exchange schemas, per version where the lists differ (reference §1.7). */
import type { SmevVersion } from './namespaces.ts';

const INTERACTION_STATUSES_1_1 = [
  'doesNotExist',
  'requestIsQueued',
  'requestIsAcceptedBySmev',
  'requestIsRejectedBySmev',
  'underProcessing',
  'responseIsAcceptedBySmev',
  'cancelled',
  'responseIsDelivered',
] as const;

const INTERACTION_STATUSES_1_2 = [
  'doesNotExist',
  'requestIsQueued',
  'requestIsAcceptedBySmev',
  'requestIsRejectedBySmev',
  'underProcessing',
  'responseIsAcceptedBySmev',
  'responseIsRejectedBySmev',
  'cancelled',
  'messageIsArchived',
  'messageIsDelivered',
] as const;

const INTERACTION_STATUSES_1_3 = [
  ...INTERACTION_STATUSES_1_2,
  'requestIsProcessed',
  'responseIsQueued',
  'responseIsProcessed',
] as const;

export type InteractionStatus1_1 = (typeof INTERACTION_STATUSES_1_1)[number];
export type InteractionStatus1_2 = (typeof INTERACTION_STATUSES_1_2)[number];
export type InteractionStatus1_3 = (typeof INTERACTION_STATUSES_1_3)[number];
/** Any value of InteractionStatusType in some supported version. */
export type InteractionStatus = InteractionStatus1_1 | InteractionStatus1_2 | InteractionStatus1_3;

export const INTERACTION_STATUSES: Readonly<Record<SmevVersion, readonly InteractionStatus[]>> = Object.freeze({
  '1.1': Object.freeze([...INTERACTION_STATUSES_1_1]),
  '1.2': Object.freeze([...INTERACTION_STATUSES_1_2]),
  '1.3': Object.freeze([...INTERACTION_STATUSES_1_3]),
});

export function isInteractionStatus(value: string, version: SmevVersion): value is InteractionStatus {
  return (INTERACTION_STATUSES[version] as readonly string[]).includes(value);
}

/** RejectionReasonCode is an enumeration from late 1.1 on (before that it was free text). */
export const REJECTION_REASON_CODES = Object.freeze(['ACCESS_DENIED', 'NO_DATA', 'UNKNOWN_REQUEST_DESCRIPTION', 'FAILURE'] as const);
export type RejectionReasonCode = (typeof REJECTION_REASON_CODES)[number];

export function isRejectionReasonCode(value: string): value is RejectionReasonCode {
  return (REJECTION_REASON_CODES as readonly string[]).includes(value);
}

/** MessageTypeType: CANCEL exists only in 1.1. */
export type MessageType = 'REQUEST' | 'BROADCAST' | 'RESPONSE' | 'CANCEL';

export const MESSAGE_TYPES: Readonly<Record<SmevVersion, readonly MessageType[]>> = Object.freeze({
  '1.1': Object.freeze(['REQUEST', 'BROADCAST', 'RESPONSE', 'CANCEL'] as MessageType[]),
  '1.2': Object.freeze(['REQUEST', 'BROADCAST', 'RESPONSE'] as MessageType[]),
  '1.3': Object.freeze(['REQUEST', 'BROADCAST', 'RESPONSE'] as MessageType[]),
});

export function isMessageType(value: string, version: SmevVersion): value is MessageType {
  return (MESSAGE_TYPES[version] as readonly string[]).includes(value);
}

/** InteractionTypeType of the 1.1/1.2 SupplementaryData. */
export const INTERACTION_TYPES = Object.freeze([
  'PGU2OIV',
  'OIV2OIV',
  'OIV2sameOIV',
  'Charger2PaymentGate',
  'PaymentGate2Treasury',
  'OIV2Treasury',
  'other',
  'NotDetected',
] as const);
export type InteractionType = (typeof INTERACTION_TYPES)[number];
