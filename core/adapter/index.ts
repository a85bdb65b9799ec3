/** The contract every agency adapter implements, and the helpers adapters share. */
export * from './facts-query.ts';
export * from './agency-answer.ts';
export * from './adapter-outcome.ts';
export * from './agency-adapter.ts';
export * from './rejection-outcome.ts';
