/**
 * SendRequest through the exchange hub. The send is the one step that must never be repeated blindly: a lost HTTP
 * answer followed by a resend yields MessageIsAlreadySent, which means the first send got through (reference
 * §1.8), so it counts as success. InvalidMessageIdFormat / StaleMessageId ask for a fresh MessageID: one retry.
 */
import type { AgencyAdapter, FactsQuery } from '../../core/adapter/index.ts';
import { buildSendRequestRequest, generateMessageId, type SmevVersion } from '../../core/smev/envelope/index.ts';
import type { TrustList } from '../../core/smev/signature/index.ts';
import { HUB_DEFAULT_VERSION, callHub, errorForHubFault, unexpectedAnswer, type HubCallOptions, type HubSigning } from './hub-soap.ts';
import { verifySendAnswer } from './hub-send-answer.ts';

export interface SendPayloadOptions {
  readonly hubUrl: string;
  /** The business payload (one namespaced element) for MessagePrimaryContent. */
  readonly payloadXml: string;
  readonly signing: HubSigning;
  /** Certificates the hub's SMEVSignature on the send answer must chain to. */
  readonly trust: TrustList;
  readonly version?: SmevVersion;
  /** Default: a fresh version-1 UUID. */
  readonly messageId?: string;
  readonly testMessage?: boolean;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

export interface SentRequest {
  /** The MessageID the exchange holds the request under (responses carry it as OriginalMessageId). */
  readonly messageId: string;
  /** The hub already had this MessageID: an earlier send got through (its answer may have been lost). */
  readonly alreadySent: boolean;
  /** Set when the first MessageID was refused as malformed or stale and a fresh one was used. */
  readonly replacedMessageId?: string;
  /** MessageMetadata/Status of the send answer, usually requestIsQueued; absent for an already-sent message. */
  readonly status?: string;
}

export async function sendPayloadViaHub(options: SendPayloadOptions): Promise<SentRequest> {
  const version = options.version ?? HUB_DEFAULT_VERSION;
  const call: HubCallOptions = { hubUrl: options.hubUrl, signing: options.signing, version, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) };
  const first = options.messageId ?? generateMessageId();
  let messageId = first;
  for (let attempt = 0; ; attempt++) {
    const xml = buildSendRequestRequest({
      version,
      requestData: { messageId, content: options.payloadXml, ...(options.testMessage ? { testMessage: true } : {}) },
    });
    const answer = await callHub('SendRequest', xml, call);
    const replaced = messageId === first ? {} : { replacedMessageId: first };
    if (answer.operation === 'SendRequestResponse') {
      verifySendAnswer(answer, options.trust);
      return { messageId, alreadySent: false, ...replaced, ...(answer.metadata.status ? { status: answer.metadata.status } : {}) };
    }
    if (answer.operation !== 'Fault') throw unexpectedAnswer('SendRequest', answer);
    const spec = answer.fault?.spec;
    if (spec?.treatAsSuccess) return { messageId, alreadySent: true, ...replaced };
    if (spec?.action === 'new-message-id' && attempt === 0) {
      messageId = generateMessageId();
      continue;
    }
    throw errorForHubFault(answer, 'SendRequest');
  }
}

export interface SendViaHubOptions extends Omit<SendPayloadOptions, 'payloadXml'> {
  readonly adapter: AgencyAdapter;
  readonly query: FactsQuery;
}

/** The adapter builds the payload (a KitError for a query it cannot express is thrown as is). */
export function sendViaHub(options: SendViaHubOptions): Promise<SentRequest> {
  const { adapter, query, ...rest } = options;
  return sendPayloadViaHub({ ...rest, payloadXml: adapter.buildRequest(query) });
}


