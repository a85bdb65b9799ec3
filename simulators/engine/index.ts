/**
 * @module simulators/engine
 * The scenario engine shared by the mock agencies. Agency simulators use: SimulatorEngine (decide → perform →
 * record), the CallPlan types, the pure delivery helpers (applyBehaviors, httpFailureFor, …) and createAdminRouter.
 */
export { SimulatorEngine, applicantKeyOf, type CallOutcome, type EngineHealth } from './simulator-engine.ts';
export { parseEngineConfig, engineConfigSchema, type EngineConfig, type EngineConfigInput } from './engine-config.ts';
export { BODY_FAULT_TYPES, isBodyFault, type Behavior, type BodyFaultType, type CallPlan, type PlanSource, type SimulatedCall, type TerminalFault, type TerminalFaultType } from './call-plan.ts';
export { applyBehaviors, corruptSignature, dripChunks, hasSignatureValue, httpFailureFor, truncateBody, type DeliveryChunk, type HttpFailure } from './body-behaviors.ts';
export { faultActionSchema, faultProfileSchema, faultRuleSchema, type FaultAction, type FaultActionType, type FaultProfile, type FaultRule } from './fault-profile-schema.ts';
export { compileFaultProfile } from './fault-rules.ts';
export { latencyConfigSchema, latencyModelSchema, sampleLatency, resolveLatencyModel, type LatencyConfig, type LatencyModel } from './latency.ts';
export { RandomStreams, createNamedStream, type RandomSource } from './seeded-random.ts';
export { ApplicantStateStore, type ApplicantStateSnapshot, type SequenceStep } from './applicant-state.ts';
export { Journal, type JournalEntry, type JournalInput, type JournalLimits, type JournalQuery, type JournalStats } from './journal.ts';
export { PersonaStore, type PersonaLoadOutcome, type PersonaStoreOptions, type PersonaStoreStatus } from './persona-store.ts';
export { explainNoMatch, type PersonaIssue } from './persona-index.ts';
export { isMemberMatch, memberQuerySchema, type MemberLookup, type MemberMatch, type MemberQuery, type NearMiss } from './member-query.ts';
export { generatePersonaJsonSchema, renderPersonaJsonSchema } from './persona-json-schema.ts';
export { createAdminRouter, type AdminRouterOptions } from './admin-router.ts';
export * from './persona-schema.ts';
