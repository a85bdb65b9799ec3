/**
 * @module hub-transport
 * GATEWAY_MODE=hub: the asynchronous exchange through adapters/transport/hub-client. Send the signed request
 * (MessageIsAlreadySent counts as sent: an earlier attempt got through), then poll GetResponse for its answer
 * within the attempt's deadline, verifying the hub's and the agency's signatures and acknowledging what was
 * used. A timeout leaves the request with the exchange; the retry stage's next attempt sends a fresh message.
 *
 * Polls per call with awaitHubAnswer. Under load one shared HubConsumer loop per message type would save
 * GetResponse round trips; the interface does not change for that (left for the hub's owner to tune).
 */
import { awaitHubAnswer, sendViaHub } from '../../adapters/transport/hub-client.ts';
import type { DirectSigning } from '../../core/direct-soap/index.ts';
import { KitError, isKitError } from '../../core/errors/index.ts';
import type { TrustList } from '../../core/smev/signature/index.ts';
import type { AgencyTransport } from './agency-transport.ts';

export interface HubTransportOptions {
  readonly hubUrl: string;
  readonly signing: DirectSigning;
  readonly trust: TrustList;
  readonly pollMinMs?: number;
  readonly pollMaxMs?: number;
  readonly fetch?: typeof fetch;
}

export function createHubTransport(options: HubTransportOptions): AgencyTransport {
  const fetchOption = options.fetch === undefined ? {} : { fetch: options.fetch };
  return {
    name: 'hub',
    async call({ call, timeoutMs }) {
      const deadline = Date.now() + timeoutMs;
      try {
        const sent = await sendViaHub({ hubUrl: options.hubUrl, adapter: call.adapter, query: call.query, signing: options.signing, trust: options.trust, timeoutMs, ...fetchOption });
        return await awaitHubAnswer({
          hubUrl: options.hubUrl,
          messageId: sent.messageId,
          adapter: call.adapter,
          query: call.query,
          signing: options.signing,
          trust: options.trust,
          timeoutMs: Math.max(0, deadline - Date.now()),
          pollMinMs: options.pollMinMs ?? 50,
          pollMaxMs: options.pollMaxMs ?? 1_000,
          ...fetchOption,
        });
      } catch (error) {
        if (isKitError(error)) return { kind: 'error', error };
        return { kind: 'error', error: new KitError('ERR_AGENCY_UNAVAILABLE', `The exchange could not be used for ${call.agency}`, { agency: call.agency }, { cause: error }) };
      }
    },
  };
}
