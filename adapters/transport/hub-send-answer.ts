/**
 * The hub's synchronous answer to a send: MessageMetadata, signed by the hub. The only thing read from it is the
 * status, so an answer without SMEVSignature is accepted (the XSD makes it optional), but a signature that is there
 * must verify and cover the metadata.
 */
import { KitError } from '../../core/errors/index.ts';
import type { SmevEnvelope } from '../../core/smev/envelope/index.ts';
import { verifyDetached, type TrustList } from '../../core/smev/signature/index.ts';

type SendAnswer = Extract<SmevEnvelope, { operation: 'SendRequestResponse' | 'SendResponseResponse' }>;

export function verifySendAnswer(answer: SendAnswer, trust: TrustList, now: Date = new Date()): void {
  const signature = answer.smevSignature?.signature;
  if (!signature) return;
  const result = verifyDetached(answer.document, { trust, now }).find((r) => r.signature === signature);
  if (!result?.ok || result.signedElement !== answer.metadata.element) {
    const reason = result && !result.ok ? `${result.error.code}: ${result.error.message}` : 'it does not cover MessageMetadata';
    throw new KitError('ERR_SMEV_FAULT', `The exchange's ${answer.operation} signature failed verification (${reason})`, { operation: answer.operation, reason });
  }
}
