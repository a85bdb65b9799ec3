/**
 * The civil registry against the shared contract suite: a child's own birth record (the default births adapter),
 * the births of a parent's children (by-parent adapter) and death records, each checked against the oracle.
 */
import { zagsBirthsAdapter, zagsBirthsByParentAdapter, zagsDeathsAdapter } from '../../adapters/index.ts';
import type { AgencyAdapter } from '../../core/adapter/index.ts';
import { describeAgencyContract, type AgencyCase } from './contract-suite.ts';
import { expectedBirths, expectedDeaths } from './expected/zags.ts';
import { dayAfter, member, persona, STRANGER, subjectOf } from './personas.ts';
import { malformedCases, personArgs } from './spec-helpers.ts';

function zagsCase(personaId: string, key: string, search: 'birth' | 'births-as-parent' | 'death'): AgencyCase {
  const subject = subjectOf(member(personaId, key));
  const adapter: AgencyAdapter = search === 'birth' ? zagsBirthsAdapter : search === 'death' ? zagsDeathsAdapter : zagsBirthsByParentAdapter;
  const expected = search === 'death' ? expectedDeaths(persona(personaId), subject) : expectedBirths(persona(personaId), subject, search === 'birth' ? 'child' : 'parent');
  return { label: `${search} ${personaId}/${key}`, adapter, query: { subject, purpose: {} }, expected };
}

const petrovaSon = zagsCase('survivor-petrova-granted', 'son', 'birth');
const ivanovaChild = member('birth-gift-ivanova-granted', 'child');

describeAgencyContract({
  agency: 'zags',
  roundTrips: [
    petrovaSon,
    zagsCase('birth-gift-ivanova-granted', 'child', 'birth'),
    zagsCase('birth-gift-khasanova-twins-granted', 'child-2', 'birth'),
    zagsCase('birth-gift-kim-registered-outside-region', 'child', 'birth'),
    zagsCase('children-3-7-orekhova-single-mother-100', 'child', 'birth'),
    zagsCase('birth-gift-khasanova-twins-granted', 'mother', 'births-as-parent'),
    zagsCase('survivor-garipova-two-children-granted', 'mother', 'births-as-parent'),
    zagsCase('survivor-petrova-granted', 'father', 'death'),
    zagsCase('survivor-garipova-two-children-granted', 'father', 'death'),
    zagsCase('survivor-sidorova-deceased-not-parent', 'stepfather', 'death'),
    // The father is alive as far as the registry knows: no death record.
    zagsCase('survivor-kuznetsova-no-death-record', 'father', 'death'),
  ],
  unknown: { label: 'stranger', adapter: zagsBirthsAdapter, query: { subject: STRANGER, purpose: {} } },
  // The registry's rule: SNILS decides when both the request and the record carry one, so "right SNILS, wrong
  // birth date" still finds the record. Its near miss is the name-and-date search without a SNILS.
  nearMiss: {
    label: 'child without SNILS and with the wrong birth date',
    variant: 'no SNILS, right name, wrong birth date — with a SNILS the registry matches on SNILS alone',
    adapter: zagsBirthsAdapter,
    query: { ...petrovaSon.query, subject: { name: petrovaSon.query.subject.name, birthDate: dayAfter(petrovaSon.query.subject.birthDate) } },
    explains: /birth date differs/,
  },
  faultCase: petrovaSon,
  notReadyOnWire: /RequestStatus/,
  malformed: malformedCases('Person'),
  nodeSoap: {
    operation: 'GetBirthRecords',
    args: { Child: { Person: personArgs(ivanovaChild), BirthDate: ivanovaChild.person.birthDate, Snils: ivanovaChild.person.snils } },
    contains: [ivanovaChild.agencies.zags!.births[0]!.actNumber, ivanovaChild.agencies.zags!.births[0]!.registryOffice],
  },
});
