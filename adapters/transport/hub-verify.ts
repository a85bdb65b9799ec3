/**
 * Signature checks on what the hub hands out. Two signatures matter: the hub's own SMEVSignature over the Response
 * (proves the exchange delivered it) and the provider's SenderInformationSystemSignature over
 * SenderProvidedResponseData (proves the agency said it). Each is matched by its ds:Signature element and must
 * have hashed exactly the element the parser read the data from, so a wrapped or relocated copy never passes.
 */
import { KitError } from '../../core/errors/index.ts';
import type { GetResponseResponseEnvelope, ParsedSignatureWrapper } from '../../core/smev/envelope/index.ts';
import { verifyDetached, type TrustList, type VerificationResult } from '../../core/smev/signature/index.ts';

export interface VerifiedHubResponse {
  /** Subject of the provider's certificate (absent for messages the hub generated itself, e.g. async rejections). */
  readonly senderSubject?: string;
  readonly smevSubject: string;
}

type Message = NonNullable<GetResponseResponseEnvelope['message']>;

function check(results: readonly VerificationResult[], wrapper: ParsedSignatureWrapper | undefined, expected: Element, what: string): string {
  if (!wrapper?.signature) throw new KitError('ERR_SIGNATURE_NOT_FOUND', `${what} is missing`);
  const result = results.find((r) => r.signature === wrapper.signature);
  if (!result) throw new KitError('ERR_SIGNATURE_NOT_FOUND', `${what} was not found among the document's signatures`);
  if (!result.ok) throw result.error;
  if (result.signedElement !== expected) throw new KitError('ERR_SIGNATURE_WRAPPING', `${what} covers another element than the one read`);
  return result.certificate.subject;
}

/**
 * Throws the KitError of the first failing check. The provider's signature is required on everything but the
 * hub's own asynchronous statuses (SenderProvidedResponseData of AsyncProcessingStatus is vouched for by the hub).
 */
export function verifyHubResponse(envelope: GetResponseResponseEnvelope, message: Message, trust: TrustList, now: Date): VerifiedHubResponse {
  const results = verifyDetached(envelope.document, { trust, now });
  const { response } = message;
  const smevSubject = check(results, message.smevSignature, response.element, 'the exchange signature (SMEVSignature)');
  const fromHub = response.responseData.body.kind === 'async';
  if (fromHub && !response.senderSignature) return { smevSubject };
  const senderSubject = check(results, response.senderSignature, response.responseData.element, 'the provider signature (SenderInformationSystemSignature)');
  return { smevSubject, senderSubject };
}
