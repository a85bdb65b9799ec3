/**
 * The one catalogue of stable error codes. Codes never change meaning once published: clients branch on them.
 * Each entry says which HTTP status a problem document carries and whether a caller may retry the same call.
 * docs/errors.md is checked against this table by a test, so adding a code means documenting it.
 */
export interface ErrorSpec {
  readonly status: number;
  readonly retryable: boolean;
  readonly title: string;
}

export const ERROR_CATALOGUE = {
  // XML input
  ERR_XML_MALFORMED: { status: 400, retryable: false, title: 'The XML is not well-formed' },
  ERR_XML_DOCTYPE_FORBIDDEN: { status: 400, retryable: false, title: 'DOCTYPE and entity declarations are refused' },
  ERR_XML_TOO_LARGE: { status: 413, retryable: false, title: 'The XML document exceeds the size limit' },
  ERR_XML_TOO_DEEP: { status: 400, retryable: false, title: 'The XML document nests deeper than allowed' },

  // SMEV transform
  ERR_TRANSFORM_UNQUALIFIED_ELEMENT: { status: 400, retryable: false, title: 'The SMEV transform cannot write an element without a namespace' },
  ERR_TRANSFORM_XML_NAMESPACE_ATTRIBUTE: { status: 400, retryable: false, title: 'The SMEV transform cannot write xml:* attributes' },

  // SMEV envelopes
  ERR_ENVELOPE_NOT_SOAP: { status: 400, retryable: false, title: 'The document is not a SOAP 1.1 envelope' },
  ERR_ENVELOPE_UNKNOWN_OPERATION: { status: 400, retryable: false, title: 'The SOAP body holds no known message-exchange operation' },
  ERR_ENVELOPE_UNSUPPORTED_VERSION: { status: 400, retryable: false, title: 'The message-exchange schema version is not supported' },
  ERR_ENVELOPE_INVALID: { status: 400, retryable: false, title: 'The envelope is missing a required element or has a bad value' },
  ERR_MESSAGE_ID_INVALID: { status: 400, retryable: false, title: 'The MessageID is not an RFC 4122 version-1 UUID' },

  // Signatures
  ERR_SIGNATURE_NOT_FOUND: { status: 400, retryable: false, title: 'No signature was found where one is required' },
  ERR_SIGNATURE_REFERENCE_NOT_FOUND: { status: 400, retryable: false, title: 'The signature references an element that does not exist or is not unique' },
  ERR_SIGNATURE_DIGEST_MISMATCH: { status: 400, retryable: false, title: 'The digest of the signed element does not match' },
  ERR_SIGNATURE_INVALID: { status: 400, retryable: false, title: 'The signature value does not verify' },
  ERR_SIGNATURE_UNSUPPORTED_ALGORITHM: { status: 400, retryable: false, title: 'The signature uses an algorithm this profile does not accept' },
  ERR_SIGNATURE_WRAPPING: { status: 400, retryable: false, title: 'The signed element is not the element the caller expects (signature wrapping)' },
  ERR_CERTIFICATE_UNTRUSTED: { status: 400, retryable: false, title: 'The signing certificate is not in the trust list' },
  ERR_CERTIFICATE_EXPIRED: { status: 400, retryable: false, title: 'The signing certificate is outside its validity period' },
  ERR_SIGNER_UNAVAILABLE: { status: 503, retryable: true, title: 'The external signer did not answer' },

  // Facts model
  ERR_FACTS_INVALID: { status: 422, retryable: false, title: 'The facts do not satisfy the applicant-facts model' },
  ERR_IDENTIFIER_INVALID: { status: 400, retryable: false, title: 'An identifier (SNILS, INN) fails its format or checksum' },

  // Agencies (outcomes of a call, used by adapters and the gateway)
  ERR_AGENCY_TIMEOUT: { status: 504, retryable: true, title: 'The agency did not answer in time' },
  ERR_AGENCY_UNAVAILABLE: { status: 503, retryable: true, title: 'The agency is unavailable (connection failed, 5xx, maintenance)' },
  ERR_AGENCY_NOT_READY: { status: 503, retryable: true, title: 'The agency has not prepared the answer yet; ask again later' },
  ERR_AGENCY_NO_DATA: { status: 404, retryable: false, title: 'The agency holds no data on the subject' },
  ERR_AGENCY_ACCESS_DENIED: { status: 403, retryable: false, title: 'The agency refused access to this data' },
  ERR_AGENCY_REJECTED: { status: 422, retryable: false, title: 'The agency rejected the request as malformed or unknown' },
  ERR_AGENCY_FAILURE: { status: 502, retryable: true, title: 'The agency reported an internal failure' },
  ERR_AGENCY_BAD_RESPONSE: { status: 502, retryable: false, title: 'The agency answer could not be read or failed its schema' },
  ERR_AGENCY_UNVERIFIED_RESPONSE: { status: 502, retryable: false, title: 'The agency answer failed signature verification' },

  // Exchange (SMEV faults surfaced to callers)
  ERR_SMEV_FAULT: { status: 502, retryable: false, title: 'The message exchange answered with a fault' },
  ERR_SMEV_RETRY_LATER: { status: 503, retryable: true, title: 'The message exchange asked to retry later' },

  // Service APIs (gateway, decision service)
  ERR_UNAUTHENTICATED: { status: 401, retryable: false, title: 'A valid API key is required' },
  ERR_FORBIDDEN: { status: 403, retryable: false, title: 'The consumer is not allowed this request' },
  ERR_IDEMPOTENCY_KEY_REUSED: { status: 422, retryable: false, title: 'The Idempotency-Key was already used with a different request body' },

  // Service plumbing
  ERR_CONFIG_INVALID: { status: 500, retryable: false, title: 'The configuration is invalid' },
  ERR_VALIDATION: { status: 400, retryable: false, title: 'The request failed validation' },
  ERR_NOT_FOUND: { status: 404, retryable: false, title: 'No such resource' },
  ERR_INTERNAL: { status: 500, retryable: false, title: 'Internal error' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export const ERROR_CODES = Object.freeze(Object.keys(ERROR_CATALOGUE) as ErrorCode[]);
