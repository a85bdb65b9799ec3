/** Public API of the exchange hub (SMEV 3 message-exchange simulator). */
export { createHub, soapPathFor, type Hub, type CreateHubExtras } from './app.ts';
export { startHub, type RunningHub } from './server.ts';
export { defaultHubOptionsFromFixtures, agencyMnemonic, CONSUMER_MNEMONIC, HUB_MNEMONIC, FIXTURE_KEYS_DIR, type FixtureHubOptions } from './fixture-options.ts';
export { hubOptionsSchema, resolveHubOptions, HUB_SENDER_MNEMONIC, type HubOptions, type HubSystem, type RegistryEntry, type HubSigning, type ResolvedHubOptions } from './hub-options.ts';
export { HUB_VERSIONS, type HubHandle, type HubHealth, type MessageView } from './hub-handle.ts';
export type { SoapAnswer } from './handle-soap.ts';
export type { HubLogger } from './hub-context.ts';
export type { HistoryEntry, HistoryEvent, MessageKind, MessageState, QueueSummary } from './store-model.ts';
export { statusFor, type LifecycleStep } from './lifecycle.ts';
