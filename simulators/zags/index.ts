/**
 * @module simulators/zags
 * The mock civil registry: birth records (by the child or by a parent) and death records.
 *
 * Act records are searched across the matched member's whole household. A plain `zagsSimulator` asks the persona
 * store for the person named in the request, which finds records of household members. A deceased person (or a
 * parent) who is not a member of any household can only be found by searching the records themselves: give
 * `createZagsSimulator` the live persona set and subjectOf answers with the member holding the record instead.
 */
import { zagsContract } from '../../core/contracts/index.ts';
import type { HouseholdMember, MemberQuery, Persona } from '../engine/index.ts';
import type { AgencySimulator } from '../runtime/agency-simulator.ts';
import { findHolder } from './find-records.ts';
import { queryOf, readZagsRequest } from './read-request.ts';
import { writeZagsAnswer } from './write-answer.ts';
import { memberQuery } from '../xml-writing/read-payload.ts';

export interface ZagsPersonaSource {
  /** The current persona set, read on every request so hot reloads are seen (e.g. `() => engine.personas.personas`). */
  readonly personas: () => readonly Persona[];
}

/** A query the store resolves to exactly this member: SNILS is unique across the set; otherwise name and birth date. */
function queryForMember(member: HouseholdMember): MemberQuery {
  const person = member.person;
  if (person.snils !== undefined) return memberQuery({ snils: person.snils });
  return memberQuery({ name: person.name, birthDate: person.birthDate });
}

export function createZagsSimulator(source?: ZagsPersonaSource): AgencySimulator {
  return Object.freeze({
    agency: 'zags',
    contract: zagsContract,
    subjectOf: (context) => {
      const request = readZagsRequest(context.operation, context.request);
      const held = source === undefined ? undefined : findHolder(source.personas(), request);
      // Not found anywhere: ask for the person themselves, so the near-miss explanation names them.
      return held === undefined ? queryOf(request.person) : queryForMember(held.holder);
    },
    answer: (context, match) => writeZagsAnswer(readZagsRequest(context.operation, context.request), match),
  } satisfies AgencySimulator);
}

/** Without a persona source: finds records held in the household of the member the request names. */
export const zagsSimulator: AgencySimulator = createZagsSimulator();
