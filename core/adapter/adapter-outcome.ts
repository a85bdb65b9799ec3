import type { KitError } from '../errors/index.ts';
import type { FactGroup, PartialFacts } from '../facts/index.ts';

/**
 * What an adapter made of one answer. Deliberately not an exception for "no data" or "not ready": those are normal
 * answers the gateway records as outcomes; only `error` means something went wrong.
 */
export type AdapterOutcome<G extends FactGroup = FactGroup> =
  | { readonly kind: 'facts'; readonly facts: PartialFacts<G> }
  | { readonly kind: 'no-data'; readonly reason: string }
  /** The agency is still preparing the answer (e.g. 2-NDFL processing code 52); ask again later. */
  | { readonly kind: 'not-ready'; readonly retryAfterMs?: number }
  | { readonly kind: 'error'; readonly error: KitError };
