import { describe, expect, it } from 'vitest';
import { parametersOn } from '../../decision/parameters/index.ts';
import { decide } from '../../decision/rules/children-3-to-7.ts';
import { renderTrace, type ChildrenThreeToSevenApplication } from '../../decision/rules/index.ts';
import { birthRecord, factsFor, monthlyIncome, person, registration } from './build-facts.ts';

const mother = person('Сергеева', '1990-01-01');
const father = person('Сергеев', '1989-01-01');

function family(date: string, childBirths: string[], familyMonthlyKopecks: number, withFather = true, fatherOutcome?: 'no-data' | 'failed') {
  const children = childBirths.map((b, i) => person(`Ребёнок${i}`, b));
  const application: ChildrenThreeToSevenApplication = { measure: 'children-3-to-7', applicationDate: date, applicant: mother, children, familyMembers: withFather ? [father] : [] };
  const earners = withFather ? 2 : 1;
  const each = familyMonthlyKopecks / earners;
  const income = () => monthlyIncome(each, '2024-01', '2026-12');
  const facts = {
    applicant: factsFor(mother, { income: [income()], residence: [registration('86')] }, { sfr: 'no-data' }),
    children: children.map((c) => factsFor(c, { births: [birthRecord(c, [mother, father])], income: [monthlyIncome(0, '2025-01', '2025-01')] }, { sfr: 'no-data' })),
    familyMembers: withFather ? [fatherOutcome === undefined ? factsFor(father, { income: [income()] }, { sfr: 'no-data' }) : factsFor(father, {}, { fns: fatherOutcome, sfr: 'no-data' })] : [],
  };
  return { application, facts };
}

describe('children 3 to 7', () => {
  it('stops the golden family of four on 60 000 ₽ a month in 2026 at 75 % = 16 602.75 ₽ per child', () => {
    const { application, facts } = family('2026-11-16', ['2023-05-01', '2021-05-01'], 6_000_000);
    const decision = decide(application, facts, parametersOn('2026-11-16'));
    expect(decision.kind).toBe('granted');
    if (decision.kind !== 'granted') return;
    expect(decision.payments.map((p) => p.amountKopecks)).toEqual([1_660_275, 1_660_275]);
    expect(decision.amountKopecks).toBe(3_320_550);
    const text = renderTrace(decision.trace);
    expect(text).toContain('per-capita income: 15 000.00 ₽');
    expect(text).toContain('20 534.25 ₽ < 22 102.00 ₽ → go to 75 %');
    expect(text).toContain('→ stay at 75 %');
    expect(text).toContain('in force from 2026-01-01');
  });

  it('refuses income exactly at the threshold and grants one kopeck below it at 50 %', () => {
    const at = family('2026-11-19', ['2021-01-01'], 6_630_600);
    const atDecision = decide(at.application, at.facts, parametersOn('2026-11-19'));
    expect(atDecision.kind).toBe('refused');
    if (atDecision.kind === 'refused') expect(atDecision.reasons.map((r) => r.code)).toEqual(['INCOME_NOT_BELOW_THRESHOLD']);
    const below = family('2026-11-20', ['2021-01-01'], 6_630_597);
    const belowDecision = decide(below.application, below.facts, parametersOn('2026-11-20'));
    expect(belowDecision.kind).toBe('granted');
    if (belowDecision.kind === 'granted') expect(belowDecision.amountKopecks).toBe(1_106_850);
  });

  it('counts a benefit already assigned by the pension fund as family income', () => {
    // One kopeck below the threshold grants at 50 %; a 1 000 ₽ monthly benefit on the applicant pushes it over.
    const base = family('2026-11-20', ['2021-01-01'], 6_630_597);
    expect(decide(base.application, base.facts, parametersOn('2026-11-20')).kind).toBe('granted');
    const benefit = { measureCode: 'MSZ-1', measureName: 'Ежемесячная выплата', categoryCode: 'C1', decisionDate: '2024-01-10', start: '2024-01-10', form: 'monetary' as const, amountKopecks: 100_000 };
    const withBenefit = {
      ...base.facts,
      applicant: factsFor(mother, { income: [monthlyIncome(6_630_597 / 2, '2024-01', '2026-12')], residence: [registration('86')], assignedBenefits: [benefit] }),
    };
    const decision = decide(base.application, withBenefit, parametersOn('2026-11-20'));
    expect(decision.kind).toBe('refused');
    if (decision.kind === 'refused') expect(decision.reasons.map((r) => r.code)).toEqual(['INCOME_NOT_BELOW_THRESHOLD']);
    expect(renderTrace(decision.trace)).toContain('Ежемесячная выплата 1 000.00 ₽ × 12 months');
  });

  it('counts a child who turns 3 on the decision date and not one who turns 8 on it', () => {
    const three = family('2026-11-25', ['2023-11-25'], 4_000_000);
    expect(decide(three.application, three.facts, parametersOn('2026-11-25')).kind).toBe('granted');
    const eight = family('2026-11-26', ['2018-11-26'], 4_000_000);
    const d = decide(eight.application, eight.facts, parametersOn('2026-11-26'));
    expect(d.kind).toBe('refused');
    if (d.kind === 'refused') expect(d.reasons.map((r) => r.code)).toEqual(['CHILD_OUTSIDE_AGE_RANGE']);
  });

  it('lists every failed condition when both the age and the income fail', () => {
    const both = family('2026-11-26', ['2018-11-26'], 30_000_000);
    const d = decide(both.application, both.facts, parametersOn('2026-11-26'));
    expect(d.kind === 'refused' && d.reasons.map((r) => r.code).sort()).toEqual(['CHILD_OUTSIDE_AGE_RANGE', 'INCOME_NOT_BELOW_THRESHOLD']);
  });

  it('sends a family member unknown to the tax service to manual review, never to a refusal', () => {
    const f = family('2026-11-30', ['2022-01-01'], 4_000_000, true, 'no-data');
    const d = decide(f.application, f.facts, parametersOn('2026-11-30'));
    expect(d.kind).toBe('manual-review');
    if (d.kind === 'manual-review') expect(d.reasons[0]?.code).toBe('FAMILY_MEMBER_DATA_MISSING');
  });

  it('sends an agency that failed after retries to manual review', () => {
    const f = family('2026-11-30', ['2022-01-01'], 30_000_000, true, 'failed');
    const d = decide(f.application, f.facts, parametersOn('2026-11-30'));
    expect(d.kind).toBe('manual-review');
    if (d.kind === 'manual-review') expect(d.reasons[0]?.code).toBe('FACT_UNAVAILABLE');
  });

  it('sends a pending tax-service answer and an unverified birth record to manual review, never to a refusal, even with income far above', () => {
    const pending = family('2026-11-30', ['2022-01-01'], 30_000_000);
    const p = decide(pending.application, { ...pending.facts, applicant: factsFor(mother, {}, { fns: 'pending', sfr: 'no-data', mvd: 'answered' }) }, parametersOn('2026-11-30'));
    expect(p.kind).toBe('manual-review');
    if (p.kind === 'manual-review') expect(p.reasons[0]?.code).toBe('FACT_UNAVAILABLE');
    const child = person('Ребёнок0', '2018-11-26');
    const unverified = family('2026-11-26', ['2018-11-26'], 30_000_000);
    const u = decide(unverified.application, { ...unverified.facts, children: [factsFor(child, { births: [birthRecord(child, [mother, father])], income: [monthlyIncome(0, '2025-01', '2025-01')] }, { sfr: 'no-data' }, ['zags'])] }, parametersOn('2026-11-26'));
    expect(u.kind).toBe('manual-review');
    if (u.kind === 'manual-review') expect(u.reasons.map((r) => r.code)).toContain('FACT_UNVERIFIED');
  });

  it('uses the 2025 minimums for a decision in 2025', () => {
    const f = family('2025-06-10', ['2021-01-01'], 3_000_000, false);
    const d = decide(f.application, f.facts, parametersOn('2025-06-10'));
    expect(d.kind).toBe('granted');
    const text = renderTrace(d.trace);
    expect(text).toContain('per capita 21 252.00 ₽, children 21 286.00 ₽ (in force from 2025-01-01');
    if (d.kind === 'granted') expect(d.amountKopecks).toBe(1_596_450);
  });
});
