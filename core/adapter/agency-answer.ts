/**
 * What came back from the exchange for one request, after the envelope was opened and its signature checked.
 * The three kinds mirror SMEV: a business payload, a RequestRejected, or a RequestStatus.
 */

/** Namespace-qualified name of an XML element; adapters match on these, never on prefixes. */
export interface QualifiedName {
  readonly namespaceUri: string;
  readonly localName: string;
}

/** Rejection codes SMEV defines for RequestRejected. */
export const REJECTION_CODES = ['ACCESS_DENIED', 'NO_DATA', 'UNKNOWN_REQUEST_DESCRIPTION', 'FAILURE'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** The MessagePrimaryContent child of a response, serialized, with its root name read out for dispatch. */
export interface BusinessAnswer {
  readonly kind: 'business';
  readonly xml: string;
  readonly root: QualifiedName;
}

export interface RejectedAnswer {
  readonly kind: 'rejected';
  readonly code: RejectionCode;
  readonly description: string;
}

/** An intermediate or error status from the provider; `parameters` are SMEV's key/value StatusParameter list. */
export interface StatusAnswer {
  readonly kind: 'status';
  readonly code: number;
  readonly description: string;
  readonly parameters: Readonly<Record<string, string>>;
}

export type AgencyAnswer = BusinessAnswer | RejectedAnswer | StatusAnswer;

export function isRejectionCode(value: string): value is RejectionCode {
  return (REJECTION_CODES as readonly string[]).includes(value);
}
