/** The tax service (2-NDFL income) against the shared contract suite. */
import { fnsIncomeAdapter } from '../../adapters/index.ts';
import type { DatePeriod } from '../../core/facts/index.ts';
import { describeAgencyContract, type AgencyCase } from './contract-suite.ts';
import { expectedIncome } from './expected/fns.ts';
import { dayAfter, member, STRANGER, subjectOf } from './personas.ts';
import { malformedCases, personArgs } from './spec-helpers.ts';

const YEAR_2026: DatePeriod = { from: '2026-01-01', to: '2026-12-31' };
const TWELVE_MONTHS: DatePeriod = { from: '2025-11-01', to: '2026-10-31' };

function incomeCase(personaId: string, key: string, period: DatePeriod): AgencyCase {
  const m = member(personaId, key);
  return { label: `${personaId}/${key} ${period.from}..${period.to}`, adapter: fnsIncomeAdapter, query: { subject: subjectOf(m), period, purpose: {} }, expected: expectedIncome(m, period) };
}

const golden = incomeCase('children-3-7-sergeeva-golden-75', 'mother', TWELVE_MONTHS);
const mother = member('children-3-7-sergeeva-golden-75', 'mother');

describeAgencyContract({
  agency: 'fns',
  roundTrips: [
    golden,
    incomeCase('children-3-7-sergeeva-golden-75', 'father', YEAR_2026),
    incomeCase('children-3-7-mukhametova-mixed-income-50', 'father', TWELVE_MONTHS),
    incomeCase('children-3-7-grigorieva-income-kopeck-above-threshold', 'mother', TWELVE_MONTHS),
    incomeCase('children-3-7-zakharova-income-well-above', 'father', { from: '2025-05-01', to: '2026-10-31' }),
    incomeCase('children-3-7-belova-income-just-below-threshold', 'father', { from: '2026-03-15', to: '2026-06-10' }),
    // Known to the tax service with no incomes: an empty income statement, not "no data".
    incomeCase('children-3-7-lukina-child-aged-two', 'mother', TWELVE_MONTHS),
    // Father unknown to the tax service.
    incomeCase('children-3-7-ermakova-father-unknown-to-fns', 'father', TWELVE_MONTHS),
  ],
  unknown: { label: 'stranger', adapter: fnsIncomeAdapter, query: { subject: STRANGER, period: TWELVE_MONTHS, purpose: {} } },
  nearMiss: {
    label: 'mother with the wrong birth date',
    variant: 'right SNILS, wrong birth date',
    adapter: fnsIncomeAdapter,
    query: { ...golden.query, subject: { ...golden.query.subject, birthDate: dayAfter(mother.person.birthDate) } },
    explains: /birth date differs/,
  },
  faultCase: golden,
  notReadyOnWire: /<ProcessingCode>52<\/ProcessingCode>/,
  malformed: malformedCases('BirthDate'),
  nodeSoap: {
    operation: 'GetIncome',
    args: {
      Snils: mother.person.snils,
      Person: personArgs(mother),
      BirthDate: mother.person.birthDate,
      IdentityDocument: { DocumentCode: '21', SeriesNumber: `${mother.person.documents[0]!.series.slice(0, 2)} ${mother.person.documents[0]!.series.slice(2)} ${mother.person.documents[0]!.number}` },
      ReportYear: '2026',
    },
    contains: [mother.agencies.fns!.incomes[0]!.agentInn, mother.agencies.fns!.incomes[0]!.agentName],
  },
});
