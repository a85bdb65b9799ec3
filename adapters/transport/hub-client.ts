/**
 * The consumer side of the asynchronous exchange (SMEV 3 through the hub), the counterpart of the direct client
 * (direct-soap-client.ts) with the same outcome mapping:
 * - sendViaHub / sendPayloadViaHub: SendRequest (MessageIsAlreadySent = success; malformed/stale id → one retry);
 * - pollHubResponses: GetResponse → verify the hub's and the provider's signatures → Ack (accepted=false when they fail);
 * - awaitHubAnswer: poll until the final response to one MessageID, → AdapterOutcome;
 * - HubConsumer: many requests over one shared poll loop with a mailbox for responses nobody waits for yet.
 */
import type { AdapterOutcome, AgencyAdapter, FactsQuery } from '../../core/adapter/index.ts';
import { isKitError, type KitError } from '../../core/errors/index.ts';
import type { FactGroup } from '../../core/facts/index.ts';
import type { SmevVersion } from '../../core/smev/envelope/index.ts';
import type { TrustList } from '../../core/smev/signature/index.ts';
import { PollBackoff } from './hub-backoff.ts';
import { outcomeForHubResponse, timeoutOutcome } from './hub-outcome.ts';
import { pollHubResponseOnce } from './hub-receive.ts';
import type { HubSigning } from './hub-soap.ts';

export { sendViaHub, sendPayloadViaHub, type SendViaHubOptions, type SendPayloadOptions, type SentRequest } from './hub-send.ts';
export { pollHubResponses, pollHubResponseOnce, type PollHubOptions, type ReceivedResponse, type HubResponseBody } from './hub-receive.ts';
export { outcomeForHubResponse } from './hub-outcome.ts';
export { HubConsumer, type HubConsumerOptions } from './hub-consumer.ts';
export { PollBackoff } from './hub-backoff.ts';
export { callHub, errorForHubFault, HUB_DEFAULT_VERSION, type HubSigning, type HubOperation, type HubCallOptions } from './hub-soap.ts';

export interface AwaitHubAnswerOptions<G extends FactGroup> {
  readonly hubUrl: string;
  /** OriginalMessageId to wait for: the MessageID sendViaHub returned. */
  readonly messageId: string;
  readonly adapter: AgencyAdapter<G>;
  /** The query the request was built from (its period goes into provenance). */
  readonly query?: FactsQuery;
  readonly signing: HubSigning;
  readonly trust: TrustList;
  readonly timeoutMs: number;
  readonly pollMinMs: number;
  readonly pollMaxMs: number;
  readonly version?: SmevVersion;
  readonly fetch?: typeof fetch;
}

/**
 * Polls GetResponse (selector: the adapter's message type) until the final response to `messageId` arrives.
 * Responses to other requests are not acknowledged here, so the exchange delivers them again after its visibility
 * timeout and nothing is lost; use HubConsumer to share one loop between many requests instead.
 */
export async function awaitHubAnswer<G extends FactGroup>(options: AwaitHubAnswerOptions<G>): Promise<AdapterOutcome<G>> {
  const { adapter, messageId, timeoutMs } = options;
  const backoff = new PollBackoff(options.pollMinMs, options.pollMaxMs);
  const deadline = Date.now() + timeoutMs;
  let lastError: KitError | undefined;
  while (Date.now() < deadline) {
    try {
      const received = await pollHubResponseOnce({
        hubUrl: options.hubUrl, signing: options.signing, trust: options.trust, messageType: adapter.messageType,
        ...(options.version ? { version: options.version } : {}), ...(options.fetch ? { fetch: options.fetch } : {}),
        ack: (r) => r.originalMessageId === messageId,
      });
      lastError = undefined;
      if (received) {
        backoff.reset();
        if (received.originalMessageId !== messageId) continue;
        const outcome = outcomeForHubResponse(received, adapter, { messageId, ...(options.query ? { query: options.query } : {}) });
        if (outcome) return outcome;
        continue;
      }
    } catch (cause) {
      if (!isKitError(cause)) throw cause;
      if (cause.code === 'ERR_SMEV_FAULT') return { kind: 'error', error: cause };
      lastError = cause;
    }
    backoff.grow();
    await new Promise((resolve) => setTimeout(resolve, Math.min(backoff.delayMs, Math.max(0, deadline - Date.now()))));
  }
  return timeoutOutcome<G>(adapter.agency, messageId, timeoutMs, lastError);
}
