/** The disability registry against the shared contract suite. */
import { friDisabilityAdapter } from '../../adapters/index.ts';
import { describeAgencyContract, type AgencyCase } from './contract-suite.ts';
import { expectedDisability } from './expected/fri.ts';
import { dayAfter, decisionDate, member, STRANGER, subjectOf } from './personas.ts';
import { malformedCases, personArgs } from './spec-helpers.ts';

function disabilityCase(personaId: string, key: string, onDate = decisionDate(personaId)): AgencyCase {
  const m = member(personaId, key);
  return { label: `${personaId}/${key} on ${onDate}`, adapter: friDisabilityAdapter, query: { subject: subjectOf(m), asOf: onDate, purpose: {} }, expected: expectedDisability(m, onDate) };
}

const smirnova = disabilityCase('disabled-child-smirnova-granted', 'son');
const vasiliev = member('utility-vasiliev-granted', 'applicant');

describeAgencyContract({
  agency: 'fri',
  roundTrips: [
    smirnova,
    disabilityCase('disabled-child-abdullaev-father-granted', 'daughter'),
    // "until" is inclusive: valid on the decision date, not the day after.
    disabilityCase('disabled-child-sokolova-until-on-date', 'daughter'),
    disabilityCase('disabled-child-sokolova-until-on-date', 'daughter', dayAfter(decisionDate('disabled-child-sokolova-until-on-date'))),
    disabilityCase('disabled-child-lebedeva-expired', 'son'),
    disabilityCase('disabled-child-fedorova-over-18', 'son'),
    disabilityCase('utility-vasiliev-granted', 'applicant'),
    disabilityCase('utility-boyko-private-house-gas-granted', 'applicant'),
    disabilityCase('utility-egorova-shared-flat-granted', 'applicant'),
  ],
  unknown: { label: 'stranger', adapter: friDisabilityAdapter, query: { subject: STRANGER, asOf: '2026-11-16', purpose: {} } },
  nearMiss: {
    label: 'son with the wrong birth date',
    variant: 'right SNILS, wrong birth date',
    adapter: friDisabilityAdapter,
    query: { ...smirnova.query, subject: { ...smirnova.query.subject, birthDate: dayAfter(smirnova.query.subject.birthDate) } },
    explains: /birth date differs/,
  },
  faultCase: smirnova,
  notReadyOnWire: /RequestStatus/,
  malformed: malformedCases('BirthDate'),
  nodeSoap: {
    operation: 'GetDisability',
    args: { Snils: vasiliev.person.snils, Person: personArgs(vasiliev), BirthDate: vasiliev.person.birthDate, OnDate: '2026-11-16' },
    contains: [vasiliev.agencies.fri!.disability!.mseActNumber, vasiliev.agencies.fri!.disability!.since],
  },
});
