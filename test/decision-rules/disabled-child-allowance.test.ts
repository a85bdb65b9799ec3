import { describe, expect, it } from 'vitest';
import type { AgencyCode, AgencyOutcome, DisabilityFactData } from '../../core/facts/index.ts';
import { parametersOn } from '../../decision/parameters/index.ts';
import { decideApplication, type Decision, type DisabledChildApplication } from '../../decision/rules/index.ts';
import { birthRecord, factsFor, person, registration } from './build-facts.ts';

const mother = person('Смирнова', '1987-02-14');
const father = person('Смирнов', '1985-11-30');
const grandmother = person('Козлова', '1961-02-08');

interface Options {
  date: string;
  childBirth?: string;
  disability?: DisabilityFactData[];
  applicant?: typeof mother;
  relationship?: DisabledChildApplication['applicantRelationship'];
  childRegion?: string;
  registrationUntil?: string;
  outcomes?: Partial<Record<AgencyCode, AgencyOutcome['status']>>;
  unverified?: AgencyCode[];
}

function decide(o: Options): Decision {
  const child = person('Смирнов-сын', o.childBirth ?? '2017-06-03');
  const application: DisabledChildApplication = {
    measure: 'disabled-child-allowance',
    applicationDate: o.date,
    applicant: o.applicant ?? mother,
    child,
    applicantRelationship: o.relationship ?? 'parent',
  };
  const disability = o.disability ?? [{ group: 'child', since: '2021-09-15', until: '2029-06-03' }];
  const outcomes = { ...(disability.length === 0 ? { fri: 'no-data' as const } : {}), ...o.outcomes };
  const facts = {
    applicant: factsFor(application.applicant, { residence: [registration('86')] }),
    children: [factsFor(child, { ...(disability.length > 0 ? { disability } : {}), births: [birthRecord(child, [mother, father])], residence: [registration(o.childRegion ?? '86', '2017-06-25', o.registrationUntil)] }, outcomes, o.unverified)],
  };
  return decideApplication(application, facts, parametersOn(o.date));
}

function codes(d: Decision): string[] {
  return d.kind === 'granted' ? d.notGranted.map((r) => r.code) : d.reasons.map((r) => r.code);
}

describe('disabled-child allowance', () => {
  it('grants 5 200 ₽ a month from the application month until the disability’s “until” date', () => {
    const d = decide({ date: '2026-11-16' });
    expect(d.kind).toBe('granted');
    if (d.kind !== 'granted') return;
    expect(d.amountKopecks).toBe(520_000);
    expect(d.period).toEqual({ from: '2026-11-01', to: '2029-06-03' });
  });

  it('pays until the day before the 18th birthday when that comes before the “until” date or there is none', () => {
    const later = decide({ date: '2026-11-17', childBirth: '2011-03-27', disability: [{ group: 'child', since: '2016-02-10', until: '2030-01-01' }] });
    expect(later.kind === 'granted' && later.period).toEqual({ from: '2026-11-01', to: '2029-03-26' });
    const noTerm = decide({ date: '2026-11-17', childBirth: '2011-03-27', disability: [{ group: 'child', since: '2016-02-10' }] });
    expect(noTerm.kind === 'granted' && noTerm.period).toEqual({ from: '2026-11-01', to: '2029-03-26' });
  });

  it('refuses when the disability registry has no record of the child', () => {
    const d = decide({ date: '2026-11-18', disability: [] });
    expect(d.kind).toBe('refused');
    expect(codes(d)).toEqual(['NO_DISABILITY_RECORD']);
    if (d.kind === 'refused') expect(d.reasons[0]?.facts[0]).toMatchObject({ agency: 'fri', agencyStatus: 'no-data' });
  });

  it('grants when the disability runs until the decision date (inclusive) and refuses when it ended the day before', () => {
    const onDate = decide({ date: '2026-12-01', disability: [{ group: 'child', since: '2024-12-01', until: '2026-12-01' }] });
    expect(onDate.kind).toBe('granted');
    if (onDate.kind === 'granted') expect(onDate.period).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    const dayBefore = decide({ date: '2026-12-02', disability: [{ group: 'child', since: '2024-12-01', until: '2026-12-01' }] });
    expect(dayBefore.kind).toBe('refused');
    expect(codes(dayBefore)).toEqual(['DISABILITY_NOT_VALID']);
  });

  it('refuses a disability established from a date after the decision date', () => {
    const d = decide({ date: '2026-11-30', disability: [{ group: 'child', since: '2026-12-01', until: '2028-12-01' }] });
    expect(codes(d)).toEqual(['DISABILITY_NOT_VALID']);
  });

  it('refuses a child who turns 18 on the decision date even though the status runs until that day', () => {
    const d = decide({ date: '2026-11-26', childBirth: '2008-11-26', disability: [{ group: 'child', since: '2012-03-01', until: '2026-11-26' }] });
    expect(d.kind).toBe('refused');
    expect(codes(d)).toEqual(['CHILD_OVER_AGE_LIMIT']);
    const dayBefore = decide({ date: '2026-11-25', childBirth: '2008-11-26', disability: [{ group: 'child', since: '2012-03-01', until: '2026-11-26' }] });
    expect(dayBefore.kind === 'granted' && dayBefore.period).toEqual({ from: '2026-11-01', to: '2026-11-25' });
  });

  it('lets a child born on 29 February turn 18 on 28 February of a common year', () => {
    const disability = [{ group: 'child' as const, since: '2012-03-01' }];
    expect(codes(decide({ date: '2026-02-28', childBirth: '2008-02-29', disability }))).toEqual(['CHILD_OVER_AGE_LIMIT']);
    const dayBefore = decide({ date: '2026-02-27', childBirth: '2008-02-29', disability });
    expect(dayBefore.kind === 'granted' && dayBefore.period).toEqual({ from: '2026-02-01', to: '2026-02-27' });
  });

  it('names both reasons for a son of 19 with adult group 2 instead of the child category', () => {
    const d = decide({ date: '2026-11-27', childBirth: '2007-09-09', disability: [{ group: 'child', since: '2012-01-01', until: '2025-09-08' }, { group: '2', since: '2025-09-09', until: '2027-10-01' }] });
    expect(d.kind).toBe('refused');
    expect(codes(d).sort()).toEqual(['CHILD_OVER_AGE_LIMIT', 'DISABILITY_NOT_VALID']);
  });

  it('refuses an applicant who is not named in the birth record and claims no guardianship', () => {
    for (const relationship of ['other', 'parent'] as const) {
      const d = decide({ date: '2026-11-30', applicant: grandmother, relationship });
      expect(d.kind).toBe('refused');
      expect(codes(d)).toEqual(['APPLICANT_NOT_PARENT']);
    }
  });

  it('grants the father as well as the mother, and sends a claimed guardian to manual review', () => {
    expect(decide({ date: '2026-11-17', applicant: father }).kind).toBe('granted');
    const guardian = decide({ date: '2026-11-30', applicant: grandmother, relationship: 'guardian' });
    expect(guardian.kind).toBe('manual-review');
    expect(codes(guardian)).toEqual(['GUARDIANSHIP_UNCONFIRMED']);
  });

  it('refuses a child whose registration in the region ended before the date and who is registered elsewhere', () => {
    const moved = decide({ date: '2026-12-02', childRegion: '66' });
    expect(codes(moved)).toEqual(['NOT_RESIDENT']);
    const ended = decide({ date: '2026-12-02', registrationUntil: '2025-06-30' });
    expect(codes(ended)).toEqual(['NOT_RESIDENT']);
    const endsOnDate = decide({ date: '2026-12-02', registrationUntil: '2026-12-02' });
    expect(endsOnDate.kind).toBe('granted');
  });

  for (const [agency, status] of [['fri', 'failed'], ['zags', 'pending'], ['mvd', 'failed']] as const) {
    it(`sends ${agency} ${status} to manual review, never to a refusal, even when another condition fails`, () => {
      const d = decide({ date: '2026-11-26', childBirth: '2008-11-26', outcomes: { [agency]: status } });
      expect(d.kind).toBe('manual-review');
      expect(codes(d)[0]).toBe('FACT_UNAVAILABLE');
    });
  }

  it('sends an unverified disability answer to manual review', () => {
    const d = decide({ date: '2026-11-16', unverified: ['fri'] });
    expect(d.kind).toBe('manual-review');
    expect(codes(d)).toEqual(['FACT_UNVERIFIED']);
  });
});
