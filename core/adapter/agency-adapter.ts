import type { AgencyCode, FactGroup, Provenance } from '../facts/index.ts';
import type { AdapterOutcome } from './adapter-outcome.ts';
import type { AgencyAnswer, QualifiedName } from './agency-answer.ts';
import type { FactsQuery } from './facts-query.ts';

/**
 * Everything an adapter needs to stamp provenance on the facts it reads: the response's identity and whether its
 * signature verified. The adapter adds its own agency code (see `provenanceFor`).
 */
export type ProvenanceContext = Omit<Provenance, 'agency'>;

/**
 * One agency's request/answer mapping. Adapters are pure translators: they never send, sign, poll or retry — the
 * gateway does that — so each can be tested with strings alone.
 */
export interface AgencyAdapter<G extends FactGroup = FactGroup> {
  readonly agency: AgencyCode;
  /** The fact groups this adapter can fill; the gateway routes a query only to adapters that declare its groups. */
  readonly factGroups: readonly G[];
  /** Root element of the request payload, also the SMEV message type the exchange is registered under. */
  readonly messageType: QualifiedName;
  /** The request payload XML (the child of MessagePrimaryContent). Throws KitError for a query it cannot express. */
  buildRequest(query: FactsQuery): string;
  /** Normalizes an answer into facts or a typed outcome; does not throw for agency-side problems. */
  readAnswer(answer: AgencyAnswer, context: ProvenanceContext): AdapterOutcome<G>;
}

/** Full provenance for one of the adapter's facts. */
export function provenanceFor(agency: AgencyCode, context: ProvenanceContext): Provenance {
  return { agency, ...context };
}

/** `{ns}local`, the Clark notation used in logs and in provenance `request.messageType`. */
export function messageTypeKey(name: QualifiedName): string {
  return `{${name.namespaceUri}}${name.localName}`;
}
