/**
 * @module answer-envelope
 * The answer envelope around an agency's payload: Id stamped on the payload, a fresh kit:MessageID, signed when the
 * runtime signs. Built the full way (buildSignedDirectAnswer or buildDirectAnswer) once per distinct payload with a
 * placeholder message id, then kept as the text before and after the id (hot-path-memo.ts): a repeated answer is
 * head + fresh id + tail, the same bytes the full way gives with that id, without parsing or signing again. The
 * signature covers the payload only, never the Header's message id, which is what makes the split exact.
 */
import { buildDirectAnswer, buildSignedDirectAnswer } from '../../core/direct-soap/index.ts';
import { generateMessageId } from '../../core/smev/envelope/index.ts';
import { RSA_SHA256_URI, resolveProfile } from '../../core/smev/signature/index.ts';
import type { AgencyRuntime } from './handle-agency-request.ts';
import type { AnswerTemplate } from './hot-path-memo.ts';

/** A v1-UUID-shaped id no clock produces (time 0, clock sequence 0), so it cannot collide with payload text by chance. */
const PLACEHOLDER_ID = '00000000-0000-1000-8000-0000000d1ec7';

/** Signature methods that give the same value for the same input; only their signatures may be remembered. */
const DETERMINISTIC_SIGNATURES: ReadonlySet<string> = new Set([RSA_SHA256_URI]);

/** The full way, every step, as the runtime did before memoizing. */
export function buildAnswerEnvelope(runtime: AgencyRuntime, payloadXml: string, messageId?: string): string {
  const { signAnswers, signing } = runtime.options;
  const input = { payloadXml, ...(messageId === undefined ? {} : { messageId }) };
  return (signAnswers ? buildSignedDirectAnswer(input, signing) : buildDirectAnswer(input)).xml;
}

function rememberable(runtime: AgencyRuntime): boolean {
  const { signAnswers, signing } = runtime.options;
  return !signAnswers || DETERMINISTIC_SIGNATURES.has(resolveProfile(signing.profile).signatureAlgorithmUri);
}

/** The answer envelope for `payloadXml` with a fresh message id. */
export function answerEnvelope(runtime: AgencyRuntime, payloadXml: string): string {
  const { memo } = runtime;
  if (memo === undefined || !rememberable(runtime)) return buildAnswerEnvelope(runtime, payloadXml);
  let template = memo.envelopes.get(payloadXml);
  if (template === undefined) {
    const xml = buildAnswerEnvelope(runtime, payloadXml, PLACEHOLDER_ID);
    const at = xml.indexOf(PLACEHOLDER_ID);
    // The id must sit in exactly one place (the Header); anything else and this payload is built every time.
    if (at < 0 || xml.indexOf(PLACEHOLDER_ID, at + 1) >= 0) return buildAnswerEnvelope(runtime, payloadXml);
    template = { head: xml.slice(0, at), tail: xml.slice(at + PLACEHOLDER_ID.length) } satisfies AnswerTemplate;
    memo.envelopes.set(payloadXml, template, 2 * (payloadXml.length + xml.length));
  }
  return template.head + generateMessageId() + template.tail;
}
