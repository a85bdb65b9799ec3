/**
 * One SOAP call to the exchange hub (SMEV 3 message-exchange protocol): sign the operation's Id child with the
 * caller's key (the hub knows callers by that certificate), POST it with the operation's SOAPAction, and read the
 * answer, plain or MTOM multipart, into a typed envelope. SOAP faults come back as a FaultEnvelope, not thrown:
 * what a fault means depends on the operation, so the caller decides.
 */
import type { DirectSigning } from '../../core/direct-soap/index.ts';
import { KitError, isKitError } from '../../core/errors/index.ts';
import { extractSoapPart, parseSmevEnvelope, type SmevEnvelope, type SmevVersion } from '../../core/smev/envelope/index.ts';
import { signSmevEnvelope } from '../../core/smev/signature/index.ts';

/** The caller's key: every message-exchange request is signed (the hub refuses unsigned ones, as SMEV does). */
export type HubSigning = Pick<DirectSigning, 'profile' | 'privateKeyPem' | 'certificatePem'>;

export type HubOperation = 'SendRequest' | 'SendResponse' | 'GetRequest' | 'GetResponse' | 'Ack' | 'GetStatus';

export interface HubCallOptions {
  /** The hub's SOAP endpoint, e.g. http://127.0.0.1:PORT/smev/v1.2/ws */
  readonly hubUrl: string;
  readonly signing: HubSigning;
  /** Per HTTP call; default 10 s. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  /** Message-exchange schema version; default 1.2 (the endpoint in hubUrl must match). */
  readonly version?: SmevVersion;
}

export const HUB_DEFAULT_VERSION: SmevVersion = '1.2';

/** Signs and posts `unsignedXml`; throws KitError ERR_SMEV_RETRY_LATER when the hub cannot be reached or answers no SOAP. */
export async function callHub(operation: HubOperation, unsignedXml: string, options: HubCallOptions): Promise<SmevEnvelope> {
  const signed = signSmevEnvelope(unsignedXml, {
    profile: options.signing.profile,
    privateKeyPem: options.signing.privateKeyPem,
    certificatePem: options.signing.certificatePem,
  });
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? globalThis.fetch;
  let status: number;
  let contentType: string;
  let body: Uint8Array;
  try {
    const response = await doFetch(options.hubUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"urn:${operation}"` },
      body: signed,
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    contentType = response.headers.get('content-type') ?? 'text/xml';
    body = new Uint8Array(await response.arrayBuffer());
  } catch (cause) {
    // The exchange being unreachable is the textbook "retry later" case (reference §1.8: SMEVFailure).
    throw new KitError('ERR_SMEV_RETRY_LATER', `The exchange at ${options.hubUrl} could not be reached for ${operation}: ${(cause as Error)?.message ?? String(cause)}`, { operation, hubUrl: options.hubUrl }, { cause });
  }
  try {
    const soap = extractSoapPart(body, contentType);
    // An Ack is answered with basic:Void, which some stacks write as an empty Body.
    return parseSmevEnvelope(soap.xml, operation === 'Ack' ? { emptyBodyAs: { operation: 'AckResponse', version: options.version ?? HUB_DEFAULT_VERSION } } : {});
  } catch (cause) {
    const reason = isKitError(cause) ? cause.message : String(cause);
    if (status >= 500) throw new KitError('ERR_SMEV_RETRY_LATER', `The exchange answered HTTP ${status} to ${operation} without a SOAP envelope`, { operation, httpStatus: status }, { cause });
    throw new KitError('ERR_SMEV_FAULT', `The exchange's answer to ${operation} is not a readable envelope (HTTP ${status}): ${reason}`, { operation, httpStatus: status }, { cause });
  }
}

/** A SOAP fault as a typed error: retryable faults (catalogue) → ERR_SMEV_RETRY_LATER, the rest → ERR_SMEV_FAULT. */
export function errorForHubFault(envelope: Extract<SmevEnvelope, { operation: 'Fault' }>, operation: HubOperation): KitError {
  const fault = envelope.fault;
  const name = fault?.name ?? envelope.faultcodeLocal;
  const retryable = fault?.spec?.retryable === true && fault.spec.action === 'retry';
  const description = fault?.description ?? envelope.faultstring;
  return new KitError(retryable ? 'ERR_SMEV_RETRY_LATER' : 'ERR_SMEV_FAULT', `The exchange refused ${operation} with ${name}: ${description}`, {
    operation,
    fault: name,
    ...(fault?.spec ? { action: fault.spec.action } : {}),
    ...(fault?.smevCode ? { smevCode: fault.smevCode } : {}),
    ...(fault?.details.signatureFaultCode ? { signatureFaultCode: fault.details.signatureFaultCode } : {}),
    description,
  });
}

/** The same error for an answer of the wrong operation (a hub bug or a proxy in the way). */
export function unexpectedAnswer(operation: HubOperation, envelope: SmevEnvelope): KitError {
  return new KitError('ERR_SMEV_FAULT', `The exchange answered ${operation} with ${envelope.operation}`, { operation, answered: envelope.operation });
}
