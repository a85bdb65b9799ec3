/**
 * The housing and utilities system against the shared contract suite. Its search is by house, so every query
 * carries a `dwelling` (HousingFactsQuery): the member's registration valid on the decision date, as the gateway
 * would take it from the residence facts.
 */
import { gisZhkhAccrualsAdapter, type HousingFactsQuery } from '../../adapters/index.ts';
import type { DatePeriod } from '../../core/facts/index.ts';
import { describeAgencyContract, type AgencyCase } from './contract-suite.ts';
import { expectedHousing } from './expected/gis-zhkh.ts';
import { decisionDate, member, STRANGER, subjectOf, type HouseholdMember } from './personas.ts';
import { malformedCases, personArgs } from './spec-helpers.ts';

const HALF_YEAR: DatePeriod = { from: '2026-05-01', to: '2026-10-31' };

function dwellingOn(m: HouseholdMember, day: string): { fiasHouseGuid?: string; address: string } {
  const registration = (m.agencies.mvd?.registrations ?? []).find((r) => r.from <= day && (r.to === undefined || day <= r.to));
  if (!registration) throw new Error(`${m.key} has no registration on ${day}`);
  return { ...(registration.fiasGuid === undefined ? {} : { fiasHouseGuid: registration.fiasGuid }), address: registration.address };
}

function housingCase(personaId: string, key: string): AgencyCase {
  const m = member(personaId, key);
  const dwelling = dwellingOn(m, decisionDate(personaId));
  const query: HousingFactsQuery = { subject: subjectOf(m, 'passport-rf'), period: HALF_YEAR, purpose: {}, dwelling };
  return { label: `${personaId}/${key}`, adapter: gisZhkhAccrualsAdapter, query, expected: expectedHousing(m, dwelling, HALF_YEAR) };
}

const vasiliev = housingCase('utility-vasiliev-granted', 'applicant');
const egorova = member('utility-egorova-shared-flat-granted', 'applicant');
const egorovaAccount = egorova.agencies['gis-zhkh']!.accounts[0]!;

describeAgencyContract({
  agency: 'gis-zhkh',
  roundTrips: [
    vasiliev,
    housingCase('utility-egorova-shared-flat-granted', 'applicant'),
    housingCase('utility-sharipova-family-with-disabled-child-granted', 'mother'),
    housingCase('utility-boyko-private-house-gas-granted', 'applicant'),
    housingCase('utility-tarasova-debt-manual-review', 'applicant'),
    housingCase('utility-frolov-disability-until-on-date', 'applicant'),
    housingCase('utility-guseva-not-resident', 'applicant'),
    // Registered at an address where the applicant holds no account: no data.
    housingCase('utility-belov-no-accounts-at-address', 'applicant'),
  ],
  unknown: { label: 'stranger', adapter: gisZhkhAccrualsAdapter, query: { ...(vasiliev.query as HousingFactsQuery), subject: STRANGER } as HousingFactsQuery },
  // UtilityAccrualsRequest carries no birth date (Applicant = SNILS, name, document), so the near miss is a name.
  nearMiss: {
    label: 'applicant with a misspelt family name',
    variant: 'right SNILS, wrong family name — the request has no birth date to get wrong',
    adapter: gisZhkhAccrualsAdapter,
    query: { ...vasiliev.query, subject: { ...vasiliev.query.subject, name: { ...vasiliev.query.subject.name, family: `${vasiliev.query.subject.name.family}а` } } } as HousingFactsQuery,
    explains: /family name differs/,
  },
  faultCase: vasiliev,
  notReadyOnWire: /RequestStatus/,
  malformed: malformedCases('Period'),
  nodeSoap: {
    operation: 'GetUtilityAccruals',
    args: {
      Applicant: {
        Snils: egorova.person.snils,
        Person: personArgs(egorova),
        IdentityDocument: { DocumentCode: '21', Series: egorova.person.documents[0]!.series.replace(/\s/g, ''), Number: egorova.person.documents[0]!.number },
      },
      House: { FiasHouseGuid: egorovaAccount.fiasHouseGuid },
      Period: { From: '2026-05', To: '2026-10' },
    },
    contains: [egorovaAccount.accountId, egorovaAccount.accruals[0]!.amount],
  },
});
