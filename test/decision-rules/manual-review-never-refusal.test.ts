import { describe, expect, it } from 'vitest';
import { parametersOn } from '../../decision/parameters/index.ts';
import { decideApplication, MEASURE_IDS, type Application, type MeasureId } from '../../decision/rules/index.ts';
import { factsFor, person } from './build-facts.ts';

/** For every measure: facts that could not be obtained (not asked, failed, pending) lead to manual review, never to a refusal. */

const applicant = person('Заявитель', '1980-01-01');
const child = person('Ребёнок', '2020-01-01');
const date = '2026-11-16';

function application(measure: MeasureId): Application {
  switch (measure) {
    case 'survivor-allowance':
      return { measure, applicationDate: date, applicant, children: [{ person: child, fullTimeStudent: false }], deceasedParent: person('Умерший', '1978-01-01') };
    case 'disabled-child-allowance':
      return { measure, applicationDate: date, applicant, child, applicantRelationship: 'parent' };
    case 'utility-compensation':
      return { measure, applicationDate: date, applicant, ground: 'own-disability' };
    case 'birth-gift':
      return { measure, applicationDate: date, applicant, children: [child] };
    case 'children-3-to-7':
      return { measure, applicationDate: date, applicant, children: [child], familyMembers: [] };
  }
}

describe('facts that could not be obtained, for every measure', () => {
  for (const measure of MEASURE_IDS) {
    it(`${measure}: no facts at all (nobody asked) is manual review with FACT_UNAVAILABLE`, () => {
      const d = decideApplication(application(measure), {}, parametersOn(date));
      expect(d.kind).toBe('manual-review');
      if (d.kind === 'manual-review') {
        expect(d.reasons.length).toBeGreaterThan(0);
        expect(d.reasons.every((r) => r.code === 'FACT_UNAVAILABLE')).toBe(true);
        expect(d.reasons[0]?.facts[0]?.agencyStatus).toBe('not-asked');
      }
    });

    for (const status of ['failed', 'pending'] as const) {
      it(`${measure}: every agency ${status} for every person is manual review, never a refusal`, () => {
        const all = { sfr: status, fns: status, fri: status, 'gis-zhkh': status, zags: status, mvd: status } as const;
        const facts = {
          applicant: factsFor(applicant, {}, all),
          children: [factsFor(child, {}, all)],
          deceasedParent: factsFor(person('Умерший', '1978-01-01'), {}, all),
        };
        const d = decideApplication(application(measure), facts, parametersOn(date));
        expect(d.kind).toBe('manual-review');
        if (d.kind === 'manual-review') expect(d.reasons[0]?.code).toBe('FACT_UNAVAILABLE');
      });
    }

    it(`${measure}: an answer the gateway dropped for a failed signature is manual review with FACT_UNVERIFIED`, () => {
      const unverified = (subject: typeof applicant) => {
        const facts = factsFor(subject, {}, { sfr: 'failed', fns: 'failed', fri: 'failed', 'gis-zhkh': 'failed', zags: 'failed', mvd: 'failed' });
        return {
          ...facts,
          outcomes: facts.outcomes.map((o) => ({ ...o, error: { code: 'ERR_AGENCY_UNVERIFIED_RESPONSE', message: 'signature check failed', retryable: false } })),
        };
      };
      const facts = { applicant: unverified(applicant), children: [unverified(child)], deceasedParent: unverified(person('Умерший', '1978-01-01')) };
      const d = decideApplication(application(measure), facts, parametersOn(date));
      expect(d.kind).toBe('manual-review');
      if (d.kind === 'manual-review') {
        expect(d.reasons[0]?.code).toBe('FACT_UNVERIFIED');
        expect(d.reasons[0]?.facts[0]?.agencyStatus).toBe('unverified');
      }
    });
  }
});
