/**
 * @module simulators/hub-providers
 * The six mock agencies as asynchronous SMEV 3 providers behind the exchange hub (simulators/hub): they poll it,
 * verify, acknowledge and answer with the same answering logic, personas, latencies and faults as the direct mode.
 */
export { startHubProviders, type StartHubProvidersOptions, type RunningHubProviders } from './start-hub-providers.ts';
export { AgencyProvider, type AgencyProviderOptions } from './agency-provider.ts';
export { planProviderReply, type ProviderReply, type ProviderReplyInput, type PlannedProviderReply } from './provider-reply.ts';
export { verifyHubRequest } from './verify-request.ts';
