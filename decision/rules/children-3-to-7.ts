import type { IsoMonth } from '../../core/facts/index.ts';
import type { ParameterSet } from '../parameters/index.ts';
import type { ApplicationFacts, ChildrenThreeToSevenApplication, DecisionContext } from './application.ts';
import { addMonthsToMonth, ageOn, firstDayOfMonth, monthOf, monthsBetween } from './calendar-arithmetic.ts';
import { parametersMissing, personFacts, years } from './common.ts';
import { conclude } from './conclude.ts';
import type { Decision, FactReference, ManualReviewCode, PaymentLine, Reason, RefusalCode } from './decision.ts';
import { addRatios, compareRatios, formatRatioRubles, formatRubles, multiplyRatios, ratio, roundHalfUp, type Ratio } from './exact-money.ts';
import { readGroup, type PersonFacts } from './fact-access.ts';
import { TraceRecorder, useParameter } from './trace.ts';

/**
 * Monthly payment for children aged 3 to 7 inclusive. Per-capita income = family income over the assessment
 * period (12 months ending M-offset, M = application month) ÷ 12 ÷ family size; it must be strictly below the
 * regional per-capita minimum. Graded: 50 % of the children's minimum per eligible child; the next level (75 %,
 * then 100 %) when per-capita income plus the current level's payments would still be strictly below the minimum.
 * Income: tax-service entries, pension-fund payments, monetary benefits from the register when it was asked.
 */
export const RULE_VERSION = 'children-3-to-7/2026.1';

export function decide(application: ChildrenThreeToSevenApplication, facts: ApplicationFacts, parameters: ParameterSet, _context: DecisionContext = {}): Decision {
  const date = application.applicationDate;
  const recorder = new TraceRecorder('children-3-to-7', RULE_VERSION, date, parameters.regionCode);
  const p = parameters.measures.childrenThreeToSeven;
  const minimum = parameters.subsistenceMinimum;
  if (p === undefined) return parametersMissing('children-3-to-7', date, recorder, 'children 3–7 parameters');
  if (minimum === undefined) return parametersMissing('children-3-to-7', date, recorder, `subsistence minimum for region ${parameters.regionCode}`);
  const unavailable: Reason<ManualReviewCode>[] = [];
  const review: Reason<ManualReviewCode>[] = [];
  const failed: Reason<RefusalCode>[] = [];
  const notGranted: Reason<RefusalCode>[] = [];

  // Which children are 3 to 7 inclusive on the date (birth record date when the registry has one).
  const eligible: PersonFacts[] = [];
  const children = application.children.map((identity, index) => personFacts({ role: 'child', index }, `child ${index + 1}`, identity, facts.children?.[index]));
  children.forEach((child, index) => {
    const births = readGroup(child, 'zags', 'births');
    if (!births.known) {
      unavailable.push(births.reason);
      return;
    }
    const birthDate = births.facts[0]?.data.childBirthDate ?? application.children[index]?.birthDate ?? date;
    const age = ageOn(birthDate, date);
    const inRange = age >= p.minimumAgeYears.value && age <= p.maximumAgeYearsInclusive.value;
    recorder.step({
      ruleId: 'children-3-7.age-range',
      description: `${child.label} is ${p.minimumAgeYears.value} to ${p.maximumAgeYearsInclusive.value} inclusive on ${date}`,
      parameters: [useParameter(p.minimumAgeYears, years), useParameter(p.maximumAgeYearsInclusive, years)],
      facts: births.facts.map((b) => ({ ref: b.ref, summary: `birth record № ${b.data.act.number}: born ${b.data.childBirthDate}` })),
      values: [{ name: 'age on the decision date', value: years(age) }],
      result: inRange ? 'passed' : 'failed',
    });
    if (inRange) eligible.push(child);
    else notGranted.push({ code: 'CHILD_OUTSIDE_AGE_RANGE', message: `${child.label} is ${age} on ${date}, outside ${p.minimumAgeYears.value}–${p.maximumAgeYearsInclusive.value}`, facts: births.facts.map((b) => b.ref) });
  });

  // The assessment period and the family's income over it.
  const applicationMonth = monthOf(date);
  const to = addMonthsToMonth(applicationMonth, -p.assessmentPeriodEndOffsetMonths.value);
  const from = addMonthsToMonth(to, -(p.assessmentPeriodMonths.value - 1));
  const periodMonths = monthsBetween(from, to);
  const family: PersonFacts[] = [
    personFacts({ role: 'applicant' }, 'the applicant', application.applicant, facts.applicant),
    ...children,
    ...application.familyMembers.map((identity, index) => personFacts({ role: 'family-member', index }, `family member ${index + 1}`, identity, facts.familyMembers?.[index])),
  ];
  let totalKopecks = 0;
  const incomeLines: { name: string; value: string }[] = [];
  const incomeFacts: { ref: FactReference; summary: string }[] = [];
  for (const member of family) {
    const income = readGroup(member, 'fns', 'income');
    if (!income.known) {
      unavailable.push(income.reason);
      continue;
    }
    const status = income.outcomeRef.agencyStatus;
    if (status === 'no-data') {
      review.push({ code: 'FAMILY_MEMBER_DATA_MISSING', message: `The tax service does not know ${member.label}: the family income cannot be established`, facts: [income.outcomeRef] });
      continue;
    }
    let memberTotal = 0;
    for (const fact of income.facts) {
      const part = fact.data.entries.filter((e) => e.month >= from && e.month <= to).reduce((sum, e) => sum + e.amountKopecks, 0);
      memberTotal += part;
      incomeFacts.push({ ref: fact.ref, summary: `${member.label}: tax-service income ${fact.data.period.from}…${fact.data.period.to}, ${formatRubles(part)} in the assessment period` });
    }
    const pensions = readGroup(member, 'sfr', 'pensions');
    if (!pensions.known) unavailable.push(pensions.reason);
    else {
      for (const fact of pensions.facts) {
        const covered = periodMonths.filter((m) => monthOverlaps(m, fact.data.period.from, fact.data.period.to)).length;
        const part = fact.data.monthlyAmountKopecks * covered;
        memberTotal += part;
        incomeFacts.push({ ref: fact.ref, summary: `${member.label}: ${fact.data.kindName ?? fact.data.kind} ${formatRubles(fact.data.monthlyAmountKopecks)} × ${covered} months = ${formatRubles(part)}` });
      }
    }
    // Benefits already assigned count as income. The national social-benefits register is run by the pension fund,
    // so the kit's pension-fund agency answers for it; a stand-alone register ('egisso') is read when it was asked.
    // An unavailable pension fund is already reported by the pensions read above, so it is not reported twice.
    const outcomes = member.facts?.outcomes ?? [];
    for (const agency of ['sfr', 'egisso'] as const) {
      if (!outcomes.some((o) => o.agency === agency)) continue;
      const benefits = readGroup(member, agency, 'assignedBenefits');
      if (!benefits.known) {
        if (agency === 'egisso') unavailable.push(benefits.reason);
        continue;
      }
      for (const fact of benefits.facts) {
        if (fact.data.form !== 'monetary' || fact.data.amountKopecks === undefined) continue;
        const covered = periodMonths.filter((m) => monthOverlaps(m, fact.data.start, fact.data.end)).length;
        const part = fact.data.amountKopecks * covered;
        memberTotal += part;
        incomeFacts.push({ ref: fact.ref, summary: `${member.label}: ${fact.data.measureName ?? fact.data.measureCode} ${formatRubles(fact.data.amountKopecks)} × ${covered} months = ${formatRubles(part)}` });
      }
    }
    totalKopecks += memberTotal;
    incomeLines.push({ name: `income of ${member.label}`, value: formatRubles(memberTotal) });
  }

  const n = family.length;
  const k = eligible.length;
  const perCapitaMinimum = minimum.value.perCapitaKopecks;
  const childMinimum = minimum.value.childrenKopecks;
  const monthlyFamily = ratio(totalKopecks, p.assessmentPeriodMonths.value);
  const perCapita = multiplyRatios(monthlyFamily, ratio(1, n));
  const incomeKnown = unavailable.length === 0 && review.length === 0;
  const below = compareRatios(perCapita, ratio(perCapitaMinimum)) < 0;
  recorder.step({
    ruleId: 'children-3-7.income-below-minimum',
    description: 'Per-capita income (total over the period ÷ 12 ÷ family size) is strictly below the per-capita minimum',
    parameters: [
      useParameter(minimum, (m) => `per capita ${formatRubles(m.perCapitaKopecks)}, children ${formatRubles(m.childrenKopecks)}`),
      useParameter(p.assessmentPeriodMonths, (v) => `${v} months`),
      useParameter(p.assessmentPeriodEndOffsetMonths, (v) => `ends M-${v}`),
    ],
    facts: incomeFacts,
    values: [
      { name: 'assessment period', value: `${from} … ${to} (application month ${applicationMonth})` },
      ...incomeLines,
      { name: 'family income over the period', value: formatRubles(totalKopecks) },
      { name: 'family size', value: String(n) },
      { name: 'monthly family income', value: formatRatioRubles(monthlyFamily) },
      { name: 'per-capita income', value: formatRatioRubles(perCapita) },
    ],
    result: !incomeKnown ? 'manual-review' : below ? 'passed' : 'failed',
  });
  if (incomeKnown && !below) {
    failed.push({ code: 'INCOME_NOT_BELOW_THRESHOLD', message: `Per-capita income ${formatRatioRubles(perCapita)} is not below the minimum ${formatRubles(perCapitaMinimum)}`, facts: incomeFacts.map((f) => f.ref) });
  }

  const payments: PaymentLine[] = [];
  if (incomeKnown && below && k > 0) {
    const levels = p.gradedLevelsPercent.value;
    let chosen = levels[0] ?? 0;
    const ladder: { name: string; value: string }[] = [];
    for (let i = 1; i < levels.length; i++) {
      const current = levels[i - 1] ?? 0;
      const withPayments = multiplyRatios(addRatios(monthlyFamily, ratio(BigInt(childMinimum) * BigInt(current) * BigInt(k), 100)), ratio(1, n));
      const stillBelow = compareRatios(withPayments, ratio(perCapitaMinimum)) < 0;
      ladder.push({ name: `per-capita income with ${k} × ${current} % payments`, value: `${formatRatioRubles(withPayments)} ${stillBelow ? '<' : '≥'} ${formatRubles(perCapitaMinimum)} → ${stillBelow ? `go to ${levels[i]} %` : `stay at ${current} %`}` });
      if (!stillBelow) break;
      chosen = levels[i] ?? chosen;
    }
    const perChild = roundHalfUp(ratio(BigInt(childMinimum) * BigInt(chosen), 100));
    recorder.step({
      ruleId: 'children-3-7.graded-level',
      description: 'Graded level: the next level while per-capita income plus the current payments stays strictly below the minimum',
      parameters: [useParameter(p.gradedLevelsPercent, (l) => l.map((x) => `${x}`).join(' / ') + ' %'), useParameter(minimum, (m) => `children ${formatRubles(m.childrenKopecks)}`)],
      values: [{ name: 'eligible children (k)', value: String(k) }, ...ladder, { name: 'level chosen', value: `${chosen} %` }, { name: 'amount per child', value: `${formatRubles(childMinimum)} × ${chosen} % = ${formatRubles(perChild)}` }],
      result: 'computed',
    });
    for (const child of eligible) payments.push({ beneficiary: child.ref, amountKopecks: perChild, period: { from: firstDayOfMonth(date), to: lastDayBefore12Months(date) } });
  }
  return conclude({ measure: 'children-3-to-7', decisionDate: date, recorder, unavailable, failed, notGranted, review, payments });
}

function monthOverlaps(month: IsoMonth, from: string, to: string | undefined): boolean {
  return from.slice(0, 7) <= month && (to === undefined || to.slice(0, 7) >= month);
}

/** Assigned for 12 months from the application month: the last day of the 12th month. */
function lastDayBefore12Months(date: string): string {
  const next = addMonthsToMonth(monthOf(date), 12);
  const d = new Date(`${next}-01T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}
