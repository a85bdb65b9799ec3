/**
 * @module verify-request
 * A provider checks two signatures on every request the hub hands out: the hub's SMEVSignature over Request (the
 * exchange delivered it) and the consumer's SenderInformationSystemSignature over SenderProvidedRequestData (the
 * consumer asked it). Each must be the signature found in its wrapper and must have hashed exactly the element the
 * parser read, so a relocated or wrapped copy never passes.
 */
import { KitError } from '../../core/errors/index.ts';
import type { GetRequestResponseEnvelope, ParsedSignatureWrapper } from '../../core/smev/envelope/index.ts';
import { verifyDetached, type TrustList, type VerificationResult } from '../../core/smev/signature/index.ts';

type Message = NonNullable<GetRequestResponseEnvelope['message']>;

function check(results: readonly VerificationResult[], wrapper: ParsedSignatureWrapper | undefined, expected: Element, what: string): string {
  if (!wrapper?.signature) throw new KitError('ERR_SIGNATURE_NOT_FOUND', `${what} is missing`);
  const result = results.find((r) => r.signature === wrapper.signature);
  if (!result) throw new KitError('ERR_SIGNATURE_NOT_FOUND', `${what} is not among the document's signatures`);
  if (!result.ok) throw result.error;
  if (result.signedElement !== expected) throw new KitError('ERR_SIGNATURE_WRAPPING', `${what} covers another element than the one read`);
  return result.certificate.subject;
}

/** Throws the KitError of the first failing check; returns the consumer certificate's subject. */
export function verifyHubRequest(envelope: GetRequestResponseEnvelope, message: Message, trust: TrustList, now: Date): string {
  const results = verifyDetached(envelope.document, { trust, now });
  check(results, message.smevSignature, message.request.element, 'the exchange signature (SMEVSignature)');
  return check(results, message.request.senderSignature, message.request.requestData.element, "the consumer's signature (SenderInformationSystemSignature)");
}
