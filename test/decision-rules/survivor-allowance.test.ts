import { describe, expect, it } from 'vitest';
import type { AgencyCode, AgencyOutcome } from '../../core/facts/index.ts';
import { parametersOn } from '../../decision/parameters/index.ts';
import { decideApplication, type Decision, type SurvivorApplication } from '../../decision/rules/index.ts';
import { birthRecord, factsFor, person, registration } from './build-facts.ts';

const mother = person('Петрова', '1988-04-12');
const father = person('Петров', '1985-09-03');
const stepfather = person('Сидоров', '1979-12-01');

interface Options {
  date: string;
  childBirth?: string;
  fullTimeStudent?: boolean;
  deathDate?: string | null;
  deceased?: typeof father;
  childRegion?: string;
  applicantRegion?: string;
  outcomes?: Partial<Record<AgencyCode, AgencyOutcome['status']>>;
  unverified?: AgencyCode[];
}

function decide(o: Options): Decision {
  const child = person('Петров-сын', o.childBirth ?? '2016-02-21');
  const deceased = o.deceased ?? father;
  const application: SurvivorApplication = {
    measure: 'survivor-allowance',
    applicationDate: o.date,
    applicant: mother,
    children: [{ person: child, fullTimeStudent: o.fullTimeStudent ?? false }],
    deceasedParent: deceased,
  };
  const death = o.deathDate === null ? [] : [{ person: deceased.name, birthDate: deceased.birthDate, deathDate: o.deathDate ?? '2026-06-04', act: { number: '170001', date: o.deathDate ?? '2026-06-04' } }];
  const facts = {
    applicant: factsFor(mother, { residence: [registration(o.applicantRegion ?? '86')] }, o.outcomes?.mvd === undefined ? {} : { mvd: o.outcomes.mvd }, o.unverified),
    deceasedParent: factsFor(deceased, death.length > 0 ? { deaths: death } : {}, death.length > 0 ? (o.outcomes?.zags === undefined ? {} : { zags: o.outcomes.zags }) : { zags: o.outcomes?.zags ?? 'no-data' }, o.unverified),
    children: [factsFor(child, { births: [birthRecord(child, [mother, father])], residence: [registration(o.childRegion ?? '86')] }, {}, o.unverified)],
  };
  return decideApplication(application, facts, parametersOn(o.date));
}

function codes(d: Decision): string[] {
  return d.kind === 'granted' ? d.notGranted.map((r) => r.code) : d.reasons.map((r) => r.code);
}

describe('survivor allowance', () => {
  it('grants a child of 10 from the month of death when applied within 6 months, until the day before the 18th birthday', () => {
    const d = decide({ date: '2026-11-16' });
    expect(d.kind).toBe('granted');
    if (d.kind !== 'granted') return;
    expect(d.amountKopecks).toBe(312_000);
    expect(d.period).toEqual({ from: '2026-06-01', to: '2034-02-20' });
  });

  it('refuses a child who turns 18 exactly on the decision date and grants one who turns 18 the next day', () => {
    const on = decide({ date: '2026-11-24', childBirth: '2008-11-24', deathDate: '2026-09-15' });
    expect(on.kind).toBe('refused');
    expect(codes(on)).toEqual(['CHILD_OVER_AGE_LIMIT']);
    const dayBefore = decide({ date: '2026-11-23', childBirth: '2008-11-24', deathDate: '2026-09-15' });
    expect(dayBefore.kind).toBe('granted');
    if (dayBefore.kind === 'granted') expect(dayBefore.period).toEqual({ from: '2026-09-01', to: '2026-11-23' });
  });

  it('sends a claimed full-time student between 18 and 23 to manual review because no agency confirms the study', () => {
    const d = decide({ date: '2026-11-20', childBirth: '2005-11-21', fullTimeStudent: true, deathDate: '2026-09-02' });
    expect(d.kind).toBe('manual-review');
    expect(codes(d)).toEqual(['STUDENT_STATUS_UNCONFIRMED']);
  });

  it('refuses a claimed full-time student on the exact 23rd birthday and a non-student of 19', () => {
    const student = decide({ date: '2026-11-20', childBirth: '2003-11-20', fullTimeStudent: true, deathDate: '2026-09-02' });
    expect(student.kind).toBe('refused');
    expect(codes(student)).toEqual(['CHILD_OVER_AGE_LIMIT']);
    if (student.kind === 'refused') expect(student.reasons[0]?.message).toContain('not under 23');
    const worker = decide({ date: '2026-11-20', childBirth: '2007-04-11', deathDate: '2026-09-02' });
    expect(codes(worker)).toEqual(['CHILD_OVER_AGE_LIMIT']);
    if (worker.kind === 'refused') expect(worker.reasons[0]?.message).toContain('not under 18');
  });

  it('refuses when the civil registry has no death record of the named parent, citing the registry answer', () => {
    const d = decide({ date: '2026-11-18', deathDate: null });
    expect(d.kind).toBe('refused');
    expect(codes(d)).toEqual(['NO_DEATH_RECORD']);
    if (d.kind === 'refused') expect(d.reasons[0]?.facts[0]).toMatchObject({ agency: 'zags', group: 'deaths', agencyStatus: 'no-data' });
  });

  it('refuses when the deceased is not a parent in the child’s birth record (a stepfather)', () => {
    const d = decide({ date: '2026-11-19', deceased: stepfather, deathDate: '2026-07-19' });
    expect(d.kind).toBe('refused');
    expect(codes(d)).toEqual(['DECEASED_NOT_PARENT']);
    if (d.kind === 'refused') expect(d.reasons[0]?.facts[0]).toMatchObject({ agency: 'zags', group: 'births', agencyStatus: 'answered' });
  });

  it('refuses a child not resident in the region and an applicant not resident, naming each', () => {
    const child = decide({ date: '2026-11-25', childRegion: '72' });
    expect(codes(child)).toEqual(['NOT_RESIDENT']);
    const both = decide({ date: '2026-11-25', childRegion: '72', applicantRegion: '72' });
    expect(both.kind).toBe('refused');
    expect(codes(both)).toEqual(['NOT_RESIDENT', 'NOT_RESIDENT']);
    if (both.kind === 'refused') expect(both.reasons.map((r) => r.facts[0]?.person.role)).toEqual(['applicant', 'child']);
  });

  it('pays from the month of death when applied exactly 6 months after it and from the application month one day later', () => {
    const inWindow = decide({ date: '2026-11-16', deathDate: '2026-05-16' });
    expect(inWindow.kind === 'granted' && inWindow.period).toEqual({ from: '2026-05-01', to: '2034-02-20' });
    const late = decide({ date: '2026-11-17', deathDate: '2026-05-16' });
    expect(late.kind === 'granted' && late.period).toEqual({ from: '2026-11-01', to: '2034-02-20' });
  });

  it('uses the amount in force on the decision date: 3 000 ₽ in 2025, 3 120 ₽ from 2026-01-01', () => {
    const d2025 = decide({ date: '2025-12-31', deathDate: '2025-12-01' });
    expect(d2025.kind === 'granted' && d2025.amountKopecks).toBe(300_000);
    const d2026 = decide({ date: '2026-01-01', deathDate: '2025-12-01' });
    expect(d2026.kind === 'granted' && d2026.amountKopecks).toBe(312_000);
  });

  it('grants two children separately, each with its own period', () => {
    const older = person('Гарипова', '2013-05-09');
    const younger = person('Гарипов', '2019-10-27');
    const application: SurvivorApplication = {
      measure: 'survivor-allowance', applicationDate: '2026-11-17', applicant: mother, deceasedParent: father,
      children: [{ person: older, fullTimeStudent: false }, { person: younger, fullTimeStudent: false }],
    };
    const facts = {
      applicant: factsFor(mother, { residence: [registration('86')] }),
      deceasedParent: factsFor(father, { deaths: [{ person: father.name, deathDate: '2026-08-22', act: { number: '1', date: '2026-08-23' } }] }),
      children: [older, younger].map((c) => factsFor(c, { births: [birthRecord(c, [mother, father])], residence: [registration('86')] })),
    };
    const d = decideApplication(application, facts, parametersOn('2026-11-17'));
    expect(d.kind).toBe('granted');
    if (d.kind !== 'granted') return;
    expect(d.amountKopecks).toBe(624_000);
    expect(d.payments.map((p) => p.period)).toEqual([{ from: '2026-08-01', to: '2031-05-08' }, { from: '2026-08-01', to: '2037-10-26' }]);
  });

  for (const status of ['failed', 'pending'] as const) {
    it(`sends a civil registry that ${status === 'failed' ? 'failed after retries' : 'is still pending'} to manual review, never to a refusal`, () => {
      const d = decide({ date: '2026-11-18', deathDate: null, outcomes: { zags: status } });
      expect(d.kind).toBe('manual-review');
      expect(codes(d)[0]).toBe('FACT_UNAVAILABLE');
    });
  }

  it('sends an unverified residence answer to manual review even when the child is over the age limit', () => {
    const d = decide({ date: '2026-11-24', childBirth: '2008-11-24', unverified: ['mvd'] });
    expect(d.kind).toBe('manual-review');
    expect(codes(d)).toContain('FACT_UNVERIFIED');
    expect(codes(d)).toContain('CHILD_OVER_AGE_LIMIT');
  });
});
