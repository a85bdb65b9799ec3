/**
 * GetResponse → verify → Ack, one message at a time. What comes out is plain data (no DOM), already checked:
 * a message whose signatures fail is acknowledged with accepted=false (reference §1.4: "signature rejected,
 * message ignored") and surfaces only as `unverified`, never with its content.
 */
import type { AgencyAnswer, QualifiedName } from '../../core/adapter/index.ts';
import { isRejectionCode } from '../../core/adapter/index.ts';
import { KitError, isKitError } from '../../core/errors/index.ts';
import {
  buildAckRequest,
  buildGetResponseRequest,
  type AsyncProcessingStatus,
  type GetResponseResponseEnvelope,
  type SmevVersion,
} from '../../core/smev/envelope/index.ts';
import type { TrustList } from '../../core/smev/signature/index.ts';
import { HUB_DEFAULT_VERSION, callHub, errorForHubFault, unexpectedAnswer, type HubCallOptions, type HubSigning } from './hub-soap.ts';
import { verifyHubResponse } from './hub-verify.ts';

/** What one delivered response said, after its signatures verified. */
export type HubResponseBody =
  | AgencyAnswer
  /** The hub's own asynchronous status (e.g. requestIsRejectedBySmev after the payload failed the type's XSD). */
  | { readonly kind: 'async'; readonly status: AsyncProcessingStatus };

export type ReceivedResponse =
  | {
      readonly verified: true;
      /** OriginalMessageId: the MessageID of our request. */
      readonly originalMessageId: string | undefined;
      /** SenderProvidedResponseData/MessageID: the id this response was acknowledged under. */
      readonly messageId: string;
      readonly senderMnemonic: string | undefined;
      readonly body: HubResponseBody;
      readonly receivedAt: Date;
      /** Whether our Ack reached the hub (false: it will be delivered again after the visibility timeout). */
      readonly acknowledged: boolean;
    }
  | {
      readonly verified: false;
      readonly originalMessageId: string | undefined;
      readonly messageId: string;
      readonly error: KitError;
      readonly receivedAt: Date;
      readonly acknowledged: boolean;
    };

export interface PollHubOptions {
  readonly hubUrl: string;
  readonly signing: HubSigning;
  readonly trust: TrustList;
  readonly version?: SmevVersion;
  /** Select responses to requests of this payload root; absent: any type. */
  readonly messageType?: QualifiedName;
  /**
   * Acknowledge what was read (default true). false leaves it for redelivery after the visibility timeout; a
   * function decides per verified message (unverified ones are always refused with accepted=false).
   */
  readonly ack?: boolean | ((received: { readonly originalMessageId: string | undefined; readonly messageId: string }) => boolean);
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
}

/** One GetResponse: undefined when the queue is empty. Throws KitError (ERR_SMEV_*) for faults and transport trouble. */
export async function pollHubResponseOnce(options: PollHubOptions): Promise<ReceivedResponse | undefined> {
  const version = options.version ?? HUB_DEFAULT_VERSION;
  const now = options.now ?? (() => new Date());
  const call: HubCallOptions = { hubUrl: options.hubUrl, signing: options.signing, version, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) };
  const selector = {
    timestamp: now(),
    ...(options.messageType ? { namespaceUri: options.messageType.namespaceUri, rootElementLocalName: options.messageType.localName } : {}),
  };
  const answer = await callHub('GetResponse', buildGetResponseRequest({ version, selector }), call);
  if (answer.operation === 'Fault') throw errorForHubFault(answer, 'GetResponse');
  if (answer.operation !== 'GetResponseResponse') throw unexpectedAnswer('GetResponse', answer);
  const message = answer.message;
  if (!message) return undefined;
  const receivedAt = now();
  const { response } = message;
  const messageId = response.responseData.messageId;
  const originalMessageId = response.originalMessageId ?? asyncOriginal(answer);
  let body: HubResponseBody;
  try {
    verifyHubResponse(answer, message, options.trust, receivedAt);
    body = bodyOf(answer);
  } catch (cause) {
    const error = isKitError(cause) ? cause : new KitError('ERR_SIGNATURE_INVALID', String(cause), {}, { cause });
    const acknowledged = options.ack === false ? false : await ack(call, version, messageId, false);
    return { verified: false, originalMessageId, messageId, error, receivedAt, acknowledged };
  }
  const wanted = typeof options.ack === 'function' ? options.ack({ originalMessageId, messageId }) : options.ack !== false;
  const acknowledged = wanted ? await ack(call, version, messageId, true) : false;
  return { verified: true, originalMessageId, messageId, senderMnemonic: response.metadata.sender?.mnemonic, body, receivedAt, acknowledged };
}

function asyncOriginal(envelope: GetResponseResponseEnvelope): string | undefined {
  const body = envelope.message?.response.responseData.body;
  return body?.kind === 'async' ? body.asyncStatus.originalMessageId : undefined;
}

function bodyOf(envelope: GetResponseResponseEnvelope): HubResponseBody {
  const body = envelope.message!.response.responseData.body;
  switch (body.kind) {
    case 'content':
      return { kind: 'business', xml: body.content.xml, root: { namespaceUri: body.content.namespaceUri, localName: body.content.localName } };
    case 'rejected': {
      // SMEV allows several RequestRejected; the first one names the outcome, the rest only add detail.
      const first = body.rejections[0];
      if (!first || !isRejectionCode(first.code)) throw new KitError('ERR_ENVELOPE_INVALID', 'RequestRejected without a known RejectionReasonCode');
      return { kind: 'rejected', code: first.code, description: body.rejections.map((r) => r.description).join('; ') };
    }
    case 'status':
      return {
        kind: 'status',
        code: body.status.code,
        description: body.status.description,
        parameters: Object.fromEntries((body.status.parameters ?? []).map((p) => [p.key, p.value])),
      };
    case 'async':
      return { kind: 'async', status: body.asyncStatus };
  }
}

/** Ack; true when the hub took it. TargetMessageIsNotFound means it was acknowledged already: also fine. */
async function ack(call: HubCallOptions, version: SmevVersion, messageId: string, accepted: boolean): Promise<boolean> {
  try {
    const answer = await callHub('Ack', buildAckRequest({ version, messageId, accepted }), call);
    if (answer.operation === 'AckResponse') return true;
    return answer.operation === 'Fault' && answer.fault?.name === 'TargetMessageIsNotFound';
  } catch {
    // The message stays un-acknowledged and comes again; the mailbox keeps the first copy, so nothing is lost.
    return false;
  }
}

/** Drains up to `maxMessages` responses (default 1), stopping at an empty queue. */
export async function pollHubResponses(options: PollHubOptions & { readonly maxMessages?: number }): Promise<ReceivedResponse[]> {
  const out: ReceivedResponse[] = [];
  const max = options.maxMessages ?? 1;
  while (out.length < max) {
    const next = await pollHubResponseOnce(options);
    if (!next) break;
    out.push(next);
  }
  return out;
}
