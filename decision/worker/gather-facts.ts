/**
 * @module gather-facts
 * Asks the gateway about every person the application names (all requests of a round in one batch) and lays the
 * answers out the way the rules read them (`ApplicationFacts`). A request the gateway refused leaves that person's
 * facts missing — the rules answer manual review for it — while an unreachable gateway throws
 * GatewayUnavailableError and the whole application is retried later.
 */
import type { ApplicantFacts, FactsByGroup } from '../../core/facts/index.ts';
import type { ParameterSet } from '../parameters/index.ts';
import type { Application, ApplicationFacts } from '../rules/index.ts';
import type { Dwelling } from '../api/intake.ts';
import { housingAsk, planFacts, type FactsAsk, type Slot } from './facts-plan.ts';
import type { FactsResult, GatewayClient } from './gateway-client.ts';

export interface GatherInput {
  readonly applicationId: string;
  readonly application: Application;
  readonly parameters: ParameterSet;
  readonly dwelling: Dwelling | undefined;
}

/** What went wrong with single requests, for the log (codes only: no personal data). */
export interface GatherResult {
  readonly facts: ApplicationFacts;
  readonly refused: readonly { readonly slot: string; readonly code: string }[];
}

type Slots = Map<string, ApplicantFacts>;

export async function gatherApplicationFacts(input: GatherInput, client: GatewayClient): Promise<GatherResult> {
  const { application, applicationId } = input;
  const purpose = { measure: application.measure, caseNumber: applicationId };
  const slots: Slots = new Map();
  const refused: { slot: string; code: string }[] = [];
  const run = async (asks: readonly FactsAsk[]): Promise<void> => {
    const results = await client.factsForAll(asks, purpose, application.applicationDate, applicationId);
    asks.forEach((ask, i) => place(slots, refused, ask.slot, results[i] as FactsResult));
  };
  await run(planFacts(application, input.parameters, input.dwelling));
  if (application.measure === 'utility-compensation' && input.dwelling === undefined) {
    const dwelling = registeredDwelling(slots.get(key({ role: 'applicant' })), application.applicationDate);
    if (dwelling !== undefined) await run([housingAsk(application.applicant, application.applicationDate, dwelling)]);
  }
  return { facts: toApplicationFacts(slots), refused };
}

/** The dwelling of the applicant's registration in force on the date (permanent first), to search accounts by. */
export function registeredDwelling(facts: ApplicantFacts | undefined, date: string): Dwelling | undefined {
  const current = (facts?.facts.residence ?? [])
    .map((f) => f.data)
    .filter((r) => r.since <= date && (r.until === undefined || r.until >= date))
    .sort((a, b) => (a.kind === b.kind ? b.since.localeCompare(a.since) : a.kind === 'permanent' ? -1 : 1));
  const chosen = current[0];
  if (chosen === undefined) return undefined;
  return chosen.address.fiasGuid !== undefined ? { fiasHouseGuid: chosen.address.fiasGuid, address: chosen.address.fullText } : { address: chosen.address.fullText };
}

function key(slot: Slot): string {
  return 'index' in slot ? `${slot.role}[${slot.index}]` : slot.role;
}

function place(slots: Slots, refused: { slot: string; code: string }[], slot: Slot, result: FactsResult): void {
  const k = key(slot);
  if (!result.ok) {
    refused.push({ slot: k, code: result.code });
    return;
  }
  const known = slots.get(k);
  slots.set(k, known === undefined ? result.facts : mergeFacts(known, result.facts));
}

/** Two answers about one person (two rounds): facts appended per group, the later outcome of an agency wins. */
export function mergeFacts(a: ApplicantFacts, b: ApplicantFacts): ApplicantFacts {
  const facts = { ...a.facts } as Record<keyof FactsByGroup, unknown[]>;
  for (const [group, list] of Object.entries(b.facts) as [keyof FactsByGroup, unknown[]][]) facts[group] = [...(facts[group] ?? []), ...list];
  const outcomes = [...a.outcomes.filter((o) => !b.outcomes.some((n) => n.agency === o.agency)), ...b.outcomes];
  return { ...a, facts: facts as FactsByGroup, outcomes };
}

function toApplicationFacts(slots: Slots): ApplicationFacts {
  const list = (role: string): (ApplicantFacts | undefined)[] => {
    const out: (ApplicantFacts | undefined)[] = [];
    for (const [k, v] of slots) {
      const m = new RegExp(`^${role}\\[(\\d+)\\]$`).exec(k);
      if (m !== null) out[Number(m[1])] = v;
    }
    return out;
  };
  const one = (role: string) => slots.get(role);
  const applicant = one('applicant');
  const deceasedParent = one('deceasedParent');
  const otherParent = one('otherParent');
  const disabledChild = one('disabledChild');
  return {
    ...(applicant === undefined ? {} : { applicant }),
    children: list('children'),
    familyMembers: list('familyMembers'),
    ...(deceasedParent === undefined ? {} : { deceasedParent }),
    ...(otherParent === undefined ? {} : { otherParent }),
    ...(disabledChild === undefined ? {} : { disabledChild }),
  };
}
