/** Residence registration (interior ministry) against the shared contract suite. */
import { mvdRegistrationAdapter } from '../../adapters/index.ts';
import { describeAgencyContract, type AgencyCase } from './contract-suite.ts';
import { expectedResidence } from './expected/mvd.ts';
import { dayAfter, decisionDate, member, STRANGER, subjectOf } from './personas.ts';
import { malformedCases, personArgs } from './spec-helpers.ts';

function residenceCase(personaId: string, key: string, onDecisionDate: boolean): AgencyCase {
  const m = member(personaId, key);
  const asOf = onDecisionDate ? decisionDate(personaId) : undefined;
  return {
    label: `${personaId}/${key}${asOf ? ` on ${asOf}` : ' (all registrations)'}`,
    adapter: mvdRegistrationAdapter,
    query: { subject: subjectOf(m, 'passport-rf'), ...(asOf ? { asOf } : {}), purpose: {} },
    expected: expectedResidence(m, asOf),
  };
}

const vasiliev = residenceCase('utility-vasiliev-granted', 'applicant', true);
const guseva = member('utility-guseva-not-resident', 'applicant');

describeAgencyContract({
  agency: 'mvd',
  roundTrips: [
    vasiliev,
    residenceCase('utility-guseva-not-resident', 'applicant', false),
    residenceCase('utility-guseva-not-resident', 'applicant', true),
    residenceCase('disabled-child-novikova-not-resident', 'mother', false),
    residenceCase('utility-belov-no-accounts-at-address', 'applicant', true),
    residenceCase('birth-gift-galieva-no-parent-resident', 'father', true),
    residenceCase('survivor-zaitseva-not-resident', 'mother', false),
    residenceCase('utility-egorova-shared-flat-granted', 'grandson', true),
  ],
  unknown: { label: 'stranger', adapter: mvdRegistrationAdapter, query: { subject: STRANGER, purpose: {} } },
  nearMiss: {
    label: 'applicant with the wrong birth date',
    variant: 'right SNILS and passport, wrong birth date',
    adapter: mvdRegistrationAdapter,
    query: { ...vasiliev.query, subject: { ...vasiliev.query.subject, birthDate: dayAfter(vasiliev.query.subject.birthDate) } },
    explains: /birth date differs/,
  },
  faultCase: vasiliev,
  notReadyOnWire: /RequestStatus/,
  malformed: malformedCases('BirthDate'),
  nodeSoap: {
    operation: 'GetRegistration',
    args: {
      Person: personArgs(guseva),
      BirthDate: guseva.person.birthDate,
      Passport: { Series: guseva.person.documents[0]!.series.replace(/\s/g, ''), Number: guseva.person.documents[0]!.number, IssueDate: guseva.person.documents[0]!.issuedOn },
      Snils: guseva.person.snils,
    },
    contains: guseva.agencies.mvd!.registrations.map((r) => r.fiasGuid ?? r.address),
  },
});
