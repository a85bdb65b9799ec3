import { describe, expect, it } from 'vitest';
import type { AgencyCode, AgencyOutcome, SubjectIdentifiers } from '../../core/facts/index.ts';
import { parametersOn, parseParameterFile, defaultParameterFile } from '../../decision/parameters/index.ts';
import { decideApplication, type BirthGiftApplication, type Decision, type PreviousGrant } from '../../decision/rules/index.ts';
import { birthRecord, factsFor, person, registration } from './build-facts.ts';

const mother = person('Иванова', '1996-06-21');
const father = person('Иванов', '1995-03-02');

interface Options {
  date: string;
  births?: string[];
  office?: string;
  motherRegion?: string;
  fatherRegion?: string | null;
  motherSince?: string;
  previousGrants?: PreviousGrant[];
  outcomes?: Partial<Record<'mother' | 'father' | 'child', Partial<Record<AgencyCode, AgencyOutcome['status']>>>>;
  unverified?: AgencyCode[];
  parameters?: ReturnType<typeof parametersOn>;
}

function children(births: string[]): SubjectIdentifiers[] {
  return births.map((b, i) => person(`Иванов-${i + 1}`, b));
}

function decide(o: Options): Decision {
  const kids = children(o.births ?? ['2026-09-12']);
  const withFather = o.fatherRegion !== null;
  const application: BirthGiftApplication = { measure: 'birth-gift', applicationDate: o.date, applicant: mother, children: kids, ...(withFather ? { otherParent: father } : {}) };
  const facts = {
    applicant: factsFor(mother, { residence: [registration(o.motherRegion ?? '86', o.motherSince ?? '2016-06-21')] }, o.outcomes?.mother ?? {}),
    ...(withFather ? { otherParent: factsFor(father, { residence: [registration(o.fatherRegion ?? '86', '2016-03-02')] }, o.outcomes?.father ?? {}) } : {}),
    children: kids.map((c, i) => factsFor(c, { births: [birthRecord(c, [mother, father], o.office ?? '86', `11000${i}`)] }, o.outcomes?.child ?? {}, o.unverified)),
  };
  return decideApplication(application, facts, o.parameters ?? parametersOn(o.date), { previousGrants: o.previousGrants ?? [] });
}

function codes(d: Decision): string[] {
  return d.kind === 'granted' ? d.notGranted.map((r) => r.code) : d.reasons.map((r) => r.code);
}

describe('birth gift', () => {
  it('grants 20 000 ₽ one-off on the decision date', () => {
    const d = decide({ date: '2026-11-16' });
    expect(d.kind).toBe('granted');
    if (d.kind !== 'granted') return;
    expect(d.amountKopecks).toBe(2_000_000);
    expect(d.period).toEqual({ oneOff: true, on: '2026-11-16' });
  });

  it('grants twins two gifts, 40 000 ₽ in all', () => {
    const d = decide({ date: '2026-11-17', births: ['2026-10-03', '2026-10-03'] });
    expect(d.kind).toBe('granted');
    if (d.kind !== 'granted') return;
    expect(d.payments.map((p) => [p.beneficiary.index, p.amountKopecks])).toEqual([[0, 2_000_000], [1, 2_000_000]]);
    expect(d.amountKopecks).toBe(4_000_000);
  });

  it('refuses a birth registered by a registry office outside the region', () => {
    const d = decide({ date: '2026-11-18', office: '72' });
    expect(d.kind).toBe('refused');
    expect(codes(d)).toEqual(['BIRTH_REGISTERED_OUTSIDE_REGION']);
  });

  it('refuses when no parent was registered in the region on the birth date, and grants when only the other parent was', () => {
    const none = decide({ date: '2026-11-19', motherRegion: '89', fatherRegion: '89' });
    expect(none.kind).toBe('refused');
    expect(codes(none)).toEqual(['NO_PARENT_RESIDENT']);
    expect(decide({ date: '2026-11-19', motherRegion: '89' }).kind).toBe('granted');
    const alone = decide({ date: '2026-11-19', motherRegion: '89', fatherRegion: null });
    expect(codes(alone)).toEqual(['NO_PARENT_RESIDENT']);
  });

  it('checks residence on the birth date: a registration from the day after the birth does not count, one from that day does', () => {
    expect(codes(decide({ date: '2026-11-16', fatherRegion: '89', motherSince: '2026-09-13' }))).toEqual(['NO_PARENT_RESIDENT']);
    expect(decide({ date: '2026-11-16', fatherRegion: '89', motherSince: '2026-09-12' }).kind).toBe('granted');
  });

  it('does not check parent residence when the switch is off in the parameter file', () => {
    const file = structuredClone(defaultParameterFile());
    const entry = file.birthGift.parentResidenceRequired[0];
    if (entry === undefined) throw new Error('default file has no parentResidenceRequired');
    file.birthGift.parentResidenceRequired = [{ ...entry, value: false }];
    const d = decide({ date: '2026-11-19', motherRegion: '89', fatherRegion: '89', parameters: parametersOn('2026-11-19', undefined, parseParameterFile(file)) });
    expect(d.kind).toBe('granted');
  });

  it('grants an application exactly 6 months after the birth and refuses one a day later', () => {
    expect(decide({ date: '2026-11-18', births: ['2026-05-18'] }).kind).toBe('granted');
    const late = decide({ date: '2026-11-19', births: ['2026-05-18'] });
    expect(late.kind).toBe('refused');
    expect(codes(late)).toEqual(['APPLIED_TOO_LATE']);
  });

  it('ends the window on the last day of a shorter month: born 31 August, last day 28 February', () => {
    expect(decide({ date: '2027-02-28', births: ['2026-08-31'] }).kind).toBe('granted');
    expect(codes(decide({ date: '2027-03-01', births: ['2026-08-31'] }))).toEqual(['APPLIED_TOO_LATE']);
  });

  it('refuses a second gift for the same child by birth act, or by name and birth date when the act is not known', () => {
    const byAct: PreviousGrant = { measure: 'birth-gift', applicationId: 'a-1', decisionDate: '2026-11-16', child: { name: { family: 'Другое', first: 'Имя' }, birthDate: '2026-09-12' }, birthAct: { number: '110000', date: '2026-09-12' } };
    const d = decide({ date: '2026-11-23', previousGrants: [byAct] });
    expect(d.kind).toBe('refused');
    expect(codes(d)).toEqual(['ALREADY_GRANTED']);
    const byName: PreviousGrant = { measure: 'birth-gift', applicationId: 'a-1', decisionDate: '2026-11-16', child: { name: { family: 'Иванов-1', first: 'Имя' }, birthDate: '2026-09-12' } };
    expect(codes(decide({ date: '2026-11-23', previousGrants: [byName] }))).toEqual(['ALREADY_GRANTED']);
  });

  it('does not count a grant of another measure or another child as a duplicate', () => {
    const other: PreviousGrant = { measure: 'children-3-to-7', applicationId: 'a-2', decisionDate: '2026-11-16', child: { name: { family: 'Иванов-1', first: 'Имя' }, birthDate: '2026-09-12' } };
    const sibling: PreviousGrant = { measure: 'birth-gift', applicationId: 'a-3', decisionDate: '2024-01-10', child: { name: { family: 'Иванов-1', first: 'Имя' }, birthDate: '2023-12-01' }, birthAct: { number: '99', date: '2023-12-05' } };
    expect(decide({ date: '2026-11-23', previousGrants: [other, sibling] }).kind).toBe('granted');
  });

  it('grants one twin and lists the other as not granted when only the other was already granted', () => {
    const first: PreviousGrant = { measure: 'birth-gift', applicationId: 'a-1', decisionDate: '2026-11-16', child: { name: { family: 'Иванов-2', first: 'Имя' }, birthDate: '2026-10-03' }, birthAct: { number: '110001', date: '2026-10-03' } };
    const d = decide({ date: '2026-11-17', births: ['2026-10-03', '2026-10-03'], previousGrants: [first] });
    expect(d.kind).toBe('granted');
    if (d.kind !== 'granted') return;
    expect(d.amountKopecks).toBe(2_000_000);
    expect(d.notGranted.map((r) => r.code)).toEqual(['ALREADY_GRANTED']);
  });

  it('lists every failed condition of a child', () => {
    const d = decide({ date: '2027-01-10', office: '72', motherRegion: '89', fatherRegion: '89', births: ['2026-05-18'] });
    expect(codes(d).sort()).toEqual(['APPLIED_TOO_LATE', 'BIRTH_REGISTERED_OUTSIDE_REGION', 'NO_PARENT_RESIDENT']);
  });

  it('sends a civil registry that failed or is pending to manual review, never to a refusal', () => {
    for (const status of ['failed', 'pending'] as const) {
      const d = decide({ date: '2027-01-10', births: ['2026-05-18'], outcomes: { child: { zags: status } } });
      expect(d.kind).toBe('manual-review');
      expect(codes(d)).toEqual(['FACT_UNAVAILABLE']);
    }
  });

  it('sends an unverified birth record to manual review', () => {
    const d = decide({ date: '2026-11-16', unverified: ['zags'] });
    expect(d.kind).toBe('manual-review');
    expect(codes(d)).toEqual(['FACT_UNVERIFIED']);
  });

  it('sends an unanswered residence registry to manual review unless the other parent settles the condition', () => {
    const settled = decide({ date: '2026-11-16', outcomes: { mother: { mvd: 'failed' } } });
    expect(settled.kind).toBe('granted');
    const open = decide({ date: '2026-11-16', fatherRegion: '89', outcomes: { mother: { mvd: 'failed' } } });
    expect(open.kind).toBe('manual-review');
    expect(codes(open)[0]).toBe('FACT_UNAVAILABLE');
  });
});
