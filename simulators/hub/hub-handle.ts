/**
 * @module hub-handle
 * The programmatic face of a hub: what the admin API serves, plus the transport-agnostic SOAP entry point (for
 * msw handlers or in-process benchmarks) and `whenIdle()` for tests that wait for the asynchronous payload checks.
 */
import type { SmevVersion } from '../../core/smev/envelope/index.ts';
import type { HubContext } from './hub-context.ts';
import { handleSoapCall, type SoapAnswer } from './handle-soap.ts';
import type { ResolvedHubOptions } from './hub-options.ts';
import { HUB_SENDER_MNEMONIC } from './hub-options.ts';
import type { HistoryEntry, MessageKind, MessageState, QueueSummary } from './store-model.ts';

export const HUB_VERSIONS: readonly SmevVersion[] = Object.freeze(['1.1', '1.2', '1.3']);

export interface MessageView {
  readonly messageId: string;
  readonly kind: MessageKind;
  readonly version: SmevVersion;
  readonly sender: string;
  readonly recipient: string;
  readonly messageType: { readonly namespaceUri: string; readonly localName: string };
  readonly originalMessageId?: string;
  readonly state: MessageState;
  readonly status: string;
  readonly deliveries: number;
  readonly ackAccepted?: boolean;
  readonly sendingTimestamp: string;
  readonly history: readonly HistoryEntry[];
}

export interface HubHealth {
  readonly status: 'ok';
  readonly store: 'memory' | 'disk';
  readonly storePath: string;
  readonly versions: readonly SmevVersion[];
  readonly systems: number;
  readonly messageTypes: number;
}

export interface HubHandle {
  readonly options: ResolvedHubOptions;
  handleSoap(version: SmevVersion, body: Uint8Array, contentType: string, soapAction?: string): SoapAnswer;
  health(): HubHealth;
  queues(): QueueSummary[];
  message(messageId: string): MessageView | undefined;
  purge(filter: { owner?: string; kind?: MessageKind | 'status' }): { purgedMessageIds: string[]; purgedStatusNotices: number };
  isProvider(mnemonic: string): boolean;
  pauseProvider(mnemonic: string): void;
  resumeProvider(mnemonic: string): void;
  pausedProviders(): string[];
  registry(): readonly { namespaceUri: string; localName: string; provider: string; xsdPath?: string; allowedConsumers?: readonly string[] }[];
  /** Resolves once every scheduled payload check has run. */
  whenIdle(): Promise<void>;
}

export function createHubHandle(context: HubContext): HubHandle {
  const { store, options } = context;
  const providers = new Set(context.registry.entries.map((e) => e.provider));
  return {
    options,
    handleSoap: (version, body, contentType, soapAction) => handleSoapCall(context, version, body, contentType, soapAction),
    health: () => ({
      status: 'ok',
      store: store.path === ':memory:' ? 'memory' : 'disk',
      storePath: store.path,
      versions: HUB_VERSIONS,
      systems: options.systems.length,
      messageTypes: context.registry.entries.length,
    }),
    queues: () => store.queues(options.now().getTime()),
    message(messageId) {
      const m = store.findMessage(messageId);
      if (!m) return undefined;
      return {
        messageId: m.messageId,
        kind: m.kind,
        version: m.version,
        sender: m.sender,
        recipient: m.recipient,
        messageType: { namespaceUri: m.typeNamespace, localName: m.typeLocalName },
        ...(m.originalMessageId === undefined ? {} : { originalMessageId: m.originalMessageId }),
        state: m.state,
        status: m.status,
        deliveries: m.deliveries,
        ...(m.ackAccepted === undefined ? {} : { ackAccepted: m.ackAccepted }),
        sendingTimestamp: m.sendingTimestamp,
        history: store.history(messageId),
      };
    },
    purge(filter) {
      const at = options.now().toISOString();
      return store.atomically(() => {
        const { messageIds, statusNotices } = store.purge(filter);
        for (const id of messageIds) {
          const m = store.findMessage(id);
          if (m) store.addHistory(id, { at, event: 'purged', status: m.status, party: HUB_SENDER_MNEMONIC, details: 'admin purge' });
        }
        return { purgedMessageIds: messageIds, purgedStatusNotices: statusNotices };
      });
    },
    isProvider: (mnemonic) => providers.has(mnemonic),
    pauseProvider: (mnemonic) => store.setPaused(mnemonic, true),
    resumeProvider: (mnemonic) => store.setPaused(mnemonic, false),
    pausedProviders: () => store.pausedProviders(),
    registry: () =>
      context.registry.entries.map(({ namespaceUri, localName, provider, xsdPath, allowedConsumers }) => ({
        namespaceUri,
        localName,
        provider,
        ...(xsdPath === undefined ? {} : { xsdPath }),
        ...(allowedConsumers === undefined ? {} : { allowedConsumers }),
      })),
    whenIdle: () => context.validation.whenIdle(),
  };
}
