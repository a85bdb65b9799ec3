/**
 * Oracle for the disability registry: the disability on record on the requested date — established on or before
 * it, including one that has since ended (with its end date) — or no data when none was established by then. Group "child" is the registry's group 4. The MSE
 * certificate needs a date in the facts model and the fixture format has none, so it never becomes a fact.
 */
import type { HouseholdMember } from '../personas.ts';
import { facts, optional, type Expected } from './common.ts';

export function expectedDisability(member: HouseholdMember, onDate: string): Expected<'disability'> {
  const d = member.agencies?.fri?.disability;
  if (d === undefined || d.since > onDate) return facts('disability', []);
  return facts('disability', [
    {
      group: d.group,
      since: d.since,
      ...optional('until', d.until),
      ...optional('reExaminationDate', d.reexaminationOn),
      causeCode: d.causeCode,
      causeText: d.causeName,
      mseAct: { number: d.mseActNumber, date: d.mseActDate },
    },
  ]);
}
