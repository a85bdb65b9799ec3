/**
 * @module hub-exchange
 * A provider's SOAP calls to the exchange hub: sign the operation's Id child with the agency key (the hub knows
 * the agency by that certificate), POST with the operation's SOAPAction, parse the answer. Simulators may not
 * import adapters/, so this is the providers' own small twin of adapters/transport/hub-soap.ts.
 */
import { KitError } from '../../core/errors/index.ts';
import { extractSoapPart, parseSmevEnvelope, type SmevEnvelope, type SmevVersion } from '../../core/smev/envelope/index.ts';
import { signSmevEnvelope } from '../../core/smev/signature/index.ts';
import type { RuntimeSigning } from '../runtime/runtime-options.ts';

export type ProviderOperation = 'GetRequest' | 'Ack' | 'SendResponse';

export interface HubEndpoint {
  readonly hubUrl: string;
  readonly version: SmevVersion;
  readonly timeoutMs: number;
}

export function signForHub(xml: string, signing: RuntimeSigning): string {
  return signSmevEnvelope(xml, { profile: signing.profile, privateKeyPem: signing.privateKeyPem, certificatePem: signing.certificatePem });
}

/** Posts an already signed envelope. Throws KitError when the hub is unreachable or answers no SOAP. */
export async function postToHub(endpoint: HubEndpoint, operation: ProviderOperation, signedXml: string): Promise<SmevEnvelope> {
  let response: Response;
  let body: Uint8Array;
  try {
    response = await fetch(endpoint.hubUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"urn:${operation}"` },
      body: signedXml,
      signal: AbortSignal.timeout(endpoint.timeoutMs),
    });
    body = new Uint8Array(await response.arrayBuffer());
  } catch (cause) {
    throw new KitError('ERR_SMEV_RETRY_LATER', `hub ${endpoint.hubUrl} unreachable for ${operation}: ${(cause as Error)?.message ?? String(cause)}`, { operation }, { cause });
  }
  const soap = extractSoapPart(body, response.headers.get('content-type') ?? 'text/xml');
  return parseSmevEnvelope(soap.xml, operation === 'Ack' ? { emptyBodyAs: { operation: 'AckResponse', version: endpoint.version } } : {});
}

/** "Name: description" of a fault answer, for logs and the journal. */
export function describeAnswer(envelope: SmevEnvelope): string {
  if (envelope.operation !== 'Fault') return envelope.operation;
  return `${envelope.fault?.name ?? envelope.faultcodeLocal}: ${envelope.fault?.description ?? envelope.faultstring}`;
}
