/**
 * @module simulators/zags/find-records
 * Where act records are looked up. A birth or death record belongs to the family, not to one member: the persona
 * format stores it under whichever member the fixture author chose (the mother, the child), so every member's
 * ZAGS knowledge in the household is searched. For deaths the deceased is often not a member at all (a late
 * father), so the record is found by the person it names, and the member holding it is what the store matches.
 */
import type { HouseholdMember, Persona, PersonaAgencies } from '../engine/index.ts';
import { isSamePerson, type MatchRule } from './person-match.ts';
import type { ActFilter, PersonIdentifiers, ZagsRequest } from './read-request.ts';

type ZagsKnowledge = NonNullable<PersonaAgencies['zags']>;
export type BirthRecord = ZagsKnowledge['births'][number];
export type DeathRecord = ZagsKnowledge['deaths'][number];

export interface Found<T> {
  readonly record: T;
  readonly holder: HouseholdMember;
}

function actAgrees(record: { actNumber: string; actDate: string }, act: ActFilter | undefined): boolean {
  return act === undefined || (record.actNumber === act.number && record.actDate === act.date);
}

function birthNames(record: BirthRecord, role: 'child' | 'parent', asked: PersonIdentifiers, rule: MatchRule): boolean {
  if (role === 'child') return isSamePerson(asked, record.child, rule);
  return [record.mother, record.father].some((parent) => parent !== undefined && isSamePerson(asked, parent, rule));
}

/** The same act can be stored under two members (mother and child); it is one record, answered once. */
function uniqueByAct<T extends { actNumber: string; actDate: string }>(found: Found<T>[]): Found<T>[] {
  const seen = new Set<string>();
  return found.filter(({ record }) => {
    const key = `${record.actNumber}|${record.actDate}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function findBirths(persona: Persona, request: Extract<ZagsRequest, { kind: 'birth' }>, rule: MatchRule): Found<BirthRecord>[] {
  return uniqueByAct(
    persona.members.flatMap((holder) =>
      (holder.agencies.zags?.births ?? [])
        .filter((record) => actAgrees(record, request.act) && birthNames(record, request.role, request.person, rule))
        .map((record) => ({ record, holder })),
    ),
  );
}

export function findDeaths(persona: Persona, request: Extract<ZagsRequest, { kind: 'death' }>, rule: MatchRule): Found<DeathRecord>[] {
  return uniqueByAct(
    persona.members.flatMap((holder) =>
      (holder.agencies.zags?.deaths ?? [])
        .filter((record) => actAgrees(record, request.act) && isSamePerson(request.person, record.person, rule))
        .map((record) => ({ record, holder })),
    ),
  );
}

/** The first household (in fixture order) holding a record the request asks for, and the member holding it. */
export function findHolder(personas: readonly Persona[], request: ZagsRequest): { persona: Persona; holder: HouseholdMember } | undefined {
  const rule: MatchRule = { requireStrongKey: true };
  for (const persona of personas) {
    const found = request.kind === 'birth' ? findBirths(persona, request, rule) : findDeaths(persona, request, rule);
    const first = found[0];
    if (first !== undefined) return { persona, holder: first.holder };
  }
  return undefined;
}
