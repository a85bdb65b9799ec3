/**
 * @module facts-plan
 * Which facts each measure needs about whom: one gateway request per person (the gateway's subject is one
 * person), with the fact groups the measure's rules read for that person, as of the application date. Kept in
 * step with decision/rules (`readGroup` calls); a group the rules read but nobody asked for ends in manual review
 * ("not asked"), so a gap here can only delay a decision, never refuse one.
 */
import type { DatePeriod, FactGroup, SubjectIdentifiers } from '../../core/facts/index.ts';
import type { ParameterSet } from '../parameters/index.ts';
import { addMonthsToMonth, monthOf } from '../rules/calendar-arithmetic.ts';
import type { Application } from '../rules/index.ts';
import type { Dwelling } from '../api/intake.ts';

/** Where a person's facts go in the rules' ApplicationFacts. */
export type Slot =
  | { readonly role: 'applicant' | 'deceasedParent' | 'otherParent' | 'disabledChild' }
  | { readonly role: 'children' | 'familyMembers'; readonly index: number };

export interface FactsAsk {
  readonly slot: Slot;
  readonly subject: SubjectIdentifiers;
  readonly groups: readonly FactGroup[];
  readonly period?: DatePeriod;
  readonly dwelling?: Dwelling;
}

/** Utility accruals: the six whole months before the application month (what the housing system reports). */
export const ACCRUAL_MONTHS = 6;

/**
 * The first round of requests. The utility compensation without a dwelling in the application needs a second
 * round (`housingAsk`), because the housing system is searched by the dwelling the registration names.
 */
export function planFacts(application: Application, parameters: ParameterSet, dwelling: Dwelling | undefined): FactsAsk[] {
  const date = application.applicationDate;
  switch (application.measure) {
    case 'survivor-allowance':
      return [
        { slot: { role: 'applicant' }, subject: application.applicant, groups: ['residence'] },
        { slot: { role: 'deceasedParent' }, subject: application.deceasedParent, groups: ['deaths'] },
        ...application.children.map((c, index): FactsAsk => ({ slot: { role: 'children', index }, subject: c.person, groups: ['births', 'residence'] })),
      ];
    case 'disabled-child-allowance':
      return [{ slot: { role: 'children', index: 0 }, subject: application.child, groups: ['disability', 'births', 'residence'] }];
    case 'utility-compensation': {
      const own = application.ground === 'own-disability';
      const applicantGroups: FactGroup[] = own ? ['disability', 'residence'] : ['residence'];
      const asks: FactsAsk[] = [{ slot: { role: 'applicant' }, subject: application.applicant, groups: applicantGroups }];
      if (dwelling !== undefined) asks.push(housingAsk(application.applicant, date, dwelling));
      if (!own && application.disabledChild !== undefined) asks.push({ slot: { role: 'disabledChild' }, subject: application.disabledChild, groups: ['disability'] });
      return asks;
    }
    case 'birth-gift':
      return [
        { slot: { role: 'applicant' }, subject: application.applicant, groups: ['residence'] },
        ...(application.otherParent === undefined ? [] : [{ slot: { role: 'otherParent' }, subject: application.otherParent, groups: ['residence'] } satisfies FactsAsk]),
        ...application.children.map((c, index): FactsAsk => ({ slot: { role: 'children', index }, subject: c, groups: ['births'] })),
      ];
    case 'children-3-to-7': {
      const period = assessmentPeriod(date, parameters);
      const income: FactGroup[] = ['income', 'pensions'];
      return [
        { slot: { role: 'applicant' }, subject: application.applicant, groups: income, ...(period ? { period } : {}) },
        ...application.children.map((c, index): FactsAsk => ({ slot: { role: 'children', index }, subject: c, groups: ['births', ...income], ...(period ? { period } : {}) })),
        ...application.familyMembers.map((m, index): FactsAsk => ({ slot: { role: 'familyMembers', index }, subject: m, groups: income, ...(period ? { period } : {}) })),
      ];
    }
  }
}

export function housingAsk(applicant: SubjectIdentifiers, date: string, dwelling: Dwelling): FactsAsk {
  const to = addMonthsToMonth(monthOf(date), -1);
  const from = addMonthsToMonth(to, -(ACCRUAL_MONTHS - 1));
  return { slot: { role: 'applicant' }, subject: applicant, groups: ['housing'], period: { from: `${from}-01`, to: lastDayOf(to) }, dwelling };
}

/** The income assessment period in force on the date (12 months ending M-offset), as calendar dates. */
export function assessmentPeriod(date: string, parameters: ParameterSet): DatePeriod | undefined {
  const p = parameters.measures.childrenThreeToSeven;
  if (p === undefined) return undefined;
  const to = addMonthsToMonth(monthOf(date), -p.assessmentPeriodEndOffsetMonths.value);
  const from = addMonthsToMonth(to, -(p.assessmentPeriodMonths.value - 1));
  return { from: `${from}-01`, to: lastDayOf(to) };
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}
