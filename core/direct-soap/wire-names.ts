/**
 * The names of the direct synchronous SOAP mode, in one place both sides read: the simulator runtime writes them,
 * the direct SOAP client reads them. Everything in the kit namespace is ours; the payloads are the contracts'.
 */
export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
/** Namespace of the SOAP header wrappers and the fault details of the direct mode (kit-direct.xsd). */
export const KIT_DIRECT_NS = 'urn://agency-kit/direct/1.0';
export const KIT_PREFIX = 'kit';

/** The Id the agency's answer element (payload root, or the RequestRejected / RequestStatus detail) carries. */
export const AGENCY_ANSWER_ID = 'AGENCY_ANSWER';
/** The Id the caller's request payload root carries. */
export const CALLER_REQUEST_ID = 'CALLER_REQUEST';

/** soap:Header children that hold a detached signature, one per side. */
export const SIGNATURE_WRAPPERS = Object.freeze({ agency: 'AgencySignature', caller: 'CallerSignature' } as const);
export type SignatureSide = keyof typeof SIGNATURE_WRAPPERS;

/** soap:Header child carrying the message's own id (a v1 UUID): the journal key and the facts' provenance. */
export const MESSAGE_ID_ELEMENT = 'MessageID';

/** SOAP fault detail elements of the kit namespace. */
export const KIT_FAULTS = Object.freeze({
  rejected: 'RequestRejected',
  status: 'RequestStatus',
  invalidContent: 'InvalidContent',
} as const);

/** SOAP 1.1 over HTTP. */
export const SOAP11_CONTENT_TYPE = 'text/xml; charset=utf-8';

/**
 * StatusCode of the generic "not ready yet, ask later" RequestStatus the runtime sends for agencies without a
 * business-level "not ready" answer. HTTP's 102 Processing, chosen because it reads as what it means.
 */
export const NOT_READY_STATUS_CODE = 102;
