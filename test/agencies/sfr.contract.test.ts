/**
 * The pension fund against the shared contract suite: pensions and payments for a period, and (as extra round
 * trips) the benefits register — no demo persona has assigned benefits, so those trips all expect no data.
 */
import { sfrAssignedBenefitsAdapter, sfrPaymentsAdapter } from '../../adapters/index.ts';
import type { DatePeriod } from '../../core/facts/index.ts';
import { describeAgencyContract, type AgencyCase } from './contract-suite.ts';
import { expectedAssignedBenefits, expectedPensions } from './expected/sfr.ts';
import { dayAfter, member, STRANGER, subjectOf } from './personas.ts';
import { malformedCases, personArgs } from './spec-helpers.ts';

const HALF_YEAR: DatePeriod = { from: '2026-05-01', to: '2026-10-31' };

function paymentsCase(personaId: string, key: string, period: DatePeriod = HALF_YEAR): AgencyCase {
  const m = member(personaId, key);
  return { label: `payments ${personaId}/${key} ${period.from}..${period.to}`, adapter: sfrPaymentsAdapter, query: { subject: subjectOf(m), period, purpose: {} }, expected: expectedPensions(m, period) };
}

function benefitsCase(personaId: string, key: string, period: DatePeriod = HALF_YEAR): AgencyCase {
  const m = member(personaId, key);
  return { label: `assigned benefits ${personaId}/${key}`, adapter: sfrAssignedBenefitsAdapter, query: { subject: subjectOf(m), period, purpose: {} }, expected: expectedAssignedBenefits(m, period) };
}

const vasiliev = paymentsCase('utility-vasiliev-granted', 'applicant');
const tarasova = member('utility-tarasova-debt-manual-review', 'applicant');

describeAgencyContract({
  agency: 'sfr',
  roundTrips: [
    vasiliev,
    paymentsCase('children-3-7-davydova-pension-counts', 'father', { from: '2025-11-01', to: '2026-10-31' }),
    paymentsCase('survivor-petrova-granted', 'son'),
    paymentsCase('disabled-child-smirnova-granted', 'mother'),
    paymentsCase('disabled-child-fedorova-over-18', 'son', { from: '2020-01-01', to: '2026-12-31' }),
    paymentsCase('utility-egorova-shared-flat-granted', 'applicant'),
    paymentsCase('utility-tarasova-debt-manual-review', 'applicant'),
    // Payments that ended before the period are not in it: no data.
    paymentsCase('survivor-petrova-granted', 'son', { from: '2010-01-01', to: '2010-12-31' }),
    benefitsCase('utility-vasiliev-granted', 'applicant'),
    benefitsCase('disabled-child-smirnova-granted', 'son'),
  ],
  unknown: { label: 'stranger', adapter: sfrPaymentsAdapter, query: { subject: STRANGER, period: HALF_YEAR, purpose: {} } },
  nearMiss: {
    label: 'applicant with the wrong birth date',
    variant: 'right SNILS, wrong birth date',
    adapter: sfrPaymentsAdapter,
    query: { ...vasiliev.query, subject: { ...vasiliev.query.subject, birthDate: dayAfter(vasiliev.query.subject.birthDate) } },
    explains: /birth date differs/,
  },
  faultCase: vasiliev,
  notReadyOnWire: /RequestStatus/,
  malformed: malformedCases('BirthDate'),
  nodeSoap: {
    operation: 'GetPensionsAndPayments',
    args: { Snils: tarasova.person.snils, Person: personArgs(tarasova), BirthDate: tarasova.person.birthDate, Period: { From: HALF_YEAR.from, To: HALF_YEAR.to } },
    contains: tarasova.agencies.sfr!.payments.map((p) => p.monthlyAmount),
  },
});
