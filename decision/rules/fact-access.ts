import type { AgencyCode, ApplicantFacts, FactGroup, GroupFact } from '../../core/facts/index.ts';
import type { FactReference, ManualReviewCode, PersonReference, Reason } from './decision.ts';

/**
 * Reading one person's facts of one group with the distinction the rules live by: the agency answered (maybe with
 * nothing: "no data" is an answer and can refuse) versus the fact could not be obtained (failed, pending, not
 * asked, or an answer whose signature did not verify), which can only send the application to manual review.
 */
export interface PersonFacts {
  readonly ref: PersonReference;
  /** "the applicant", "child 1 (Петров Иван, 2016-03-02)". */
  readonly label: string;
  readonly facts: ApplicantFacts | undefined;
}

export interface KnownFact<G extends FactGroup> {
  readonly data: GroupFact<G>['data'];
  readonly ref: FactReference;
}

export type GroupRead<G extends FactGroup> =
  | { readonly known: true; readonly facts: readonly KnownFact<G>[]; readonly outcomeRef: FactReference }
  | { readonly known: false; readonly reason: Reason<ManualReviewCode> };

const AGENCY_NAMES: Readonly<Record<AgencyCode, string>> = {
  sfr: 'the pension fund',
  fns: 'the tax service',
  fri: 'the disability registry',
  'gis-zhkh': 'the housing-utilities system',
  zags: 'the civil registry',
  mvd: 'the interior ministry (registrations)',
  egisso: 'the social-benefits register',
};

export function agencyName(agency: AgencyCode): string {
  return AGENCY_NAMES[agency];
}

export function readGroup<G extends FactGroup>(person: PersonFacts, agency: AgencyCode, group: G): GroupRead<G> {
  const outcome = person.facts?.outcomes.find((o) => o.agency === agency);
  const base = { person: person.ref, agency, group };
  if (person.facts === undefined || outcome === undefined) {
    return unknown('FACT_UNAVAILABLE', `${agencyName(agency)} was not asked about ${person.label}`, { ...base, agencyStatus: 'not-asked' });
  }
  // The gateway drops an answer whose signature failed and reports the agency as failed with this code: the
  // reason shown to the applicant and the official is that the answer could not be verified, not that none came.
  if (outcome.status === 'failed' && outcome.error?.code === 'ERR_AGENCY_UNVERIFIED_RESPONSE') {
    return unknown('FACT_UNVERIFIED', `The answer of ${agencyName(agency)} about ${person.label} failed signature verification and was not used`, {
      ...base,
      agencyStatus: 'unverified',
    });
  }
  if (outcome.status === 'failed' || outcome.status === 'pending') {
    const why = outcome.status === 'pending' ? 'has not prepared its answer yet' : `did not answer (${outcome.error?.code ?? 'error'}: ${outcome.error?.message ?? ''})`;
    return unknown('FACT_UNAVAILABLE', `${capitalise(agencyName(agency))} ${why} about ${person.label}`, {
      ...base,
      agencyStatus: outcome.status,
    });
  }
  // Only this agency's facts of the group: one group can be filled by several agencies (pensions: sfr, egisso).
  const list = person.facts.facts[group] as readonly GroupFact<G>[];
  const facts: KnownFact<G>[] = [];
  for (const [index, fact] of list.entries()) {
    if (fact.provenance.agency !== agency) continue;
    const ref: FactReference = {
      ...base,
      index,
      messageId: fact.provenance.messageId,
      receivedAt: fact.provenance.receivedAt,
      agencyStatus: fact.provenance.signatureVerified ? 'answered' : 'unverified',
    };
    if (!fact.provenance.signatureVerified) {
      return unknown('FACT_UNVERIFIED', `The answer of ${agencyName(agency)} about ${person.label} (message ${fact.provenance.messageId}) failed signature verification`, ref);
    }
    facts.push({ data: fact.data, ref });
  }
  return { known: true, facts, outcomeRef: { ...base, agencyStatus: outcome.status } };
}

function unknown(code: ManualReviewCode, message: string, ref: FactReference): GroupRead<never> {
  return { known: false, reason: { code, message, facts: [ref] } };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "agency message-id received-at" for trace summaries. */
export function describeRef(ref: FactReference): string {
  const where = ref.messageId === undefined ? ref.agencyStatus : `message ${ref.messageId}, received ${ref.receivedAt ?? '?'}`;
  return `${ref.agency}${ref.group === undefined ? '' : `/${ref.group}`}${ref.index === undefined ? '' : `[${ref.index}]`} (${where})`;
}
