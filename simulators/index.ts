/**
 * @module simulators
 * Public entry of the mock agencies for consumers' own tests and tools: msw handlers (in-process, no servers),
 * the HTTP simulator (app and server), the transport-agnostic core, and the scenario engine they share.
 */
export { createAgencyHandlers, type AgencyHandlersOptions } from './runtime/msw-handlers.ts';
export { createAgencySimulatorApp, type AgencySimulatorApp, type AgencySimulatorAppOptions } from './runtime/app.ts';
export { startAgencySimulator, type RunningAgencySimulator, type StartAgencySimulatorOptions } from './runtime/server.ts';
export { createAgencyRuntime, handleAgencyRequest, soapEndpointUrl, SOAP_PATH_PREFIX, type AgencyRuntime } from './runtime/handle-agency-request.ts';
export type { AgencyReply, IncomingAgencyRequest } from './runtime/agency-exchange.ts';
export type { AgencyRuntimeOptions, RuntimeSigning, RuntimeLogger } from './runtime/runtime-options.ts';
export type { AgencySimulator, AnswerContext } from './runtime/agency-simulator.ts';
export { fixtureSigningFor, fixtureTrustList, FIXTURE_KEYS_DIR } from './runtime/fixture-signing.ts';
export { startAllSimulators, type RunningSimulators } from './runtime/start-all.ts';
export { createAgencySimulators } from './agencies.ts';
export { SimulatorEngine, type EngineConfigInput, type FaultProfile, type FaultRule, type MemberMatch, type MemberQuery } from './engine/index.ts';
