import { formatAreaM2 } from '../../core/facts/index.ts';
import type { ParameterSet, SocialAreaNorm } from '../parameters/index.ts';
import type { ApplicationFacts, DecisionContext, UtilityApplication } from './application.ts';
import { firstDayOfMonth, isWithin } from './calendar-arithmetic.ts';
import { parametersMissing, personFacts } from './common.ts';
import { conclude } from './conclude.ts';
import type { Decision, ManualReviewCode, PaymentLine, Reason, RefusalCode } from './decision.ts';
import { addRatios, formatRatioRubles, formatRubles, multiplyRatios, ratio, roundHalfUp, type Ratio } from './exact-money.ts';
import { readGroup, type KnownFact } from './fact-access.ts';
import { describeRegistration, residenceOn } from './residence.ts';
import { TraceRecorder, useParameter } from './trace.ts';

/**
 * Utility-cost compensation for disabled people (181-ФЗ art. 17). Monthly amount from the latest month the
 * housing-utilities system reports for the accounts at the applicant's registered dwelling:
 *   housing services: accrual × min(1, social norm ÷ area) ÷ registered persons × 50 %
 *   utility services: accrual ÷ registered persons (unless already per person) × 50 %
 * summed exactly and rounded half up once. A debt sends the application to an official, never to a refusal.
 */
export const RULE_VERSION = 'utility-compensation/2026.1';

export function socialNormHundredths(norm: SocialAreaNorm, persons: number): number {
  if (persons <= 1) return norm.onePersonHundredthsM2;
  if (persons === 2) return norm.twoPersonsHundredthsM2;
  return norm.perPersonFromThreeHundredthsM2 * persons;
}

export function decide(application: UtilityApplication, facts: ApplicationFacts, parameters: ParameterSet, _context: DecisionContext = {}): Decision {
  const date = application.applicationDate;
  const recorder = new TraceRecorder('utility-compensation', RULE_VERSION, date, parameters.regionCode);
  const p = parameters.measures.utilityCompensation;
  if (p === undefined) return parametersMissing('utility-compensation', date, recorder, 'utility-compensation parameters');
  const kinds = parameters.general.acceptedRegistrationKinds;
  const unavailable: Reason<ManualReviewCode>[] = [];
  const review: Reason<ManualReviewCode>[] = [];
  const failed: Reason<RefusalCode>[] = [];
  const applicant = personFacts({ role: 'applicant' }, 'the applicant', application.applicant, facts.applicant);

  // Disability: the applicant's group 1–3, or the named child's "disabled child" category, valid on the date.
  const disabledChild = application.ground === 'disabled-child' ? application.disabledChild : undefined;
  const ownGround = disabledChild === undefined;
  const disabled = disabledChild === undefined
    ? applicant
    : personFacts({ role: 'disabled-child' }, 'the disabled child', disabledChild, facts.disabledChild ?? facts.children?.[0]);
  const acceptedGroups = ownGround ? ['1', '2', '3'] : ['child'];
  const disability = readGroup(disabled, 'fri', 'disability');
  let disabilityUntil: string | undefined;
  let disabilityValid = false;
  if (!disability.known) unavailable.push(disability.reason);
  else {
    const valid = disability.facts.find((d) => acceptedGroups.includes(d.data.group) && isWithin(date, d.data.since, d.data.until));
    disabilityValid = valid !== undefined;
    disabilityUntil = valid?.data.until;
    recorder.step({
      ruleId: 'utility.disability-valid',
      description: `${disabled.label} has disability (${acceptedGroups.join('/')}) valid on ${date} ("until" inclusive)`,
      facts: disability.facts.length > 0 ? disability.facts.map((d) => ({ ref: d.ref, summary: `group ${d.data.group} since ${d.data.since}${d.data.until === undefined ? ' without a term' : ` until ${d.data.until}`}` })) : [{ ref: disability.outcomeRef, summary: 'no disability record' }],
      result: disabilityValid ? 'passed' : 'failed',
    });
    if (!disabilityValid) failed.push({ code: 'NO_VALID_DISABILITY', message: `${disabled.label} has no disability valid on ${date}`, facts: disability.facts.length > 0 ? disability.facts.map((d) => d.ref) : [disability.outcomeRef] });
  }

  // Residence, and the accounts of the registered dwelling.
  const registrations = readGroup(applicant, 'mvd', 'residence');
  const housing = readGroup(applicant, 'gis-zhkh', 'housing');
  if (!registrations.known) unavailable.push(registrations.reason);
  if (!housing.known) unavailable.push(housing.reason);
  let accounts: KnownFact<'housing'>[] = [];
  if (registrations.known) {
    const found = residenceOn(registrations.facts, parameters.regionCode, date, kinds.value);
    recorder.step({
      ruleId: 'utility.applicant-resident',
      description: `The applicant resides in region ${parameters.regionCode} on ${date}`,
      parameters: [useParameter(kinds, (k) => k.join(', '))],
      facts: registrations.facts.map((r) => ({ ref: r.ref, summary: describeRegistration(r) })),
      result: found.resident ? 'passed' : 'failed',
    });
    if (!found.resident) failed.push({ code: 'NOT_RESIDENT', message: `The applicant has no registration in region ${parameters.regionCode} on ${date}`, facts: registrations.facts.length > 0 ? registrations.facts.map((r) => r.ref) : [registrations.outcomeRef] });
    if (housing.known) {
      // The dwelling is where the applicant is registered now in the region (a second registration elsewhere does
      // not count): match by FIAS GUID, else by the address text.
      const dwellings = found.current.filter((r) => r.data.address.regionCode === parameters.regionCode);
      accounts = housing.facts.filter((a) => dwellings.some((r) => (a.data.fiasGuid !== undefined && a.data.fiasGuid === r.data.address.fiasGuid) || normaliseAddress(a.data.address) === normaliseAddress(r.data.address.fullText)));
      recorder.step({
        ruleId: 'utility.accounts-at-address',
        description: 'The housing-utilities system has accounts for the registered dwelling',
        facts: housing.facts.length > 0 ? housing.facts.map((a) => ({ ref: a.ref, summary: `account ${a.data.accountId} at ${a.data.address}` })) : [{ ref: housing.outcomeRef, summary: 'no accounts' }],
        values: [{ name: 'accounts at the registered address', value: accounts.map((a) => a.data.accountId).join(', ') || 'none' }],
        result: accounts.length > 0 ? 'passed' : 'failed',
      });
      if (accounts.length === 0 && dwellings.length > 0) failed.push({ code: 'NO_ACCOUNTS_AT_ADDRESS', message: 'No housing-utilities account was found for the registered address', facts: housing.facts.length > 0 ? housing.facts.map((a) => a.ref) : [housing.outcomeRef] });
    }
  }

  // Debt: an official looks, never an automatic refusal.
  for (const account of accounts) {
    const debts = account.data.debts.filter((d) => d.hasDebt);
    if (debts.length === 0) continue;
    review.push({ code: 'UTILITY_DEBT', message: `Account ${account.data.accountId} has a debt${debts[0]?.amountKopecks === undefined ? '' : ` of ${formatRubles(debts[0].amountKopecks)}`} (${debts.map((d) => `${d.period.from}…${d.period.to}`).join(', ')})`, facts: [account.ref] });
  }
  recorder.step({ ruleId: 'utility.debt', description: 'No utility debt on the accounts (a debt goes to manual review, never to a refusal)', facts: accounts.map((a) => ({ ref: a.ref, summary: a.data.debts.map((d) => `${d.period.from}…${d.period.to}: ${d.hasDebt ? 'debt' : 'no debt'}`).join('; ') })), result: review.length > 0 ? 'manual-review' : 'passed' });

  // The amount comes from actual accruals: an account that reports none cannot be computed (never a 0 ₽ grant).
  const withoutAccruals = accounts.filter((a) => a.data.accruals.length === 0);
  if (withoutAccruals.length > 0) {
    recorder.step({ ruleId: 'utility.accruals-reported', description: 'The housing-utilities system reports accruals for every account of the dwelling', facts: withoutAccruals.map((a) => ({ ref: a.ref, summary: `account ${a.data.accountId}: no accruals` })), result: 'manual-review' });
  }
  for (const account of withoutAccruals) {
    review.push({ code: 'FACT_UNAVAILABLE', message: `The housing-utilities system reports no accruals for account ${account.data.accountId}: the compensation cannot be computed`, facts: [account.ref] });
  }

  const payments: PaymentLine[] = [];
  if (disabilityValid && accounts.length > 0 && withoutAccruals.length === 0) {
    let total: Ratio = ratio(0);
    const values: { name: string; value: string }[] = [];
    const norm = p.socialAreaNorm.value;
    for (const account of accounts) {
      const latest = [...account.data.accruals].sort((a, b) => a.month.localeCompare(b.month)).at(-1);
      if (latest === undefined) continue;
      const persons = Math.max(1, account.data.registeredPersons);
      const normArea = socialNormHundredths(norm, persons);
      const area = account.data.livingAreaHundredthsM2;
      const areaShare = area > normArea ? ratio(normArea, area) : ratio(1);
      values.push({ name: `account ${account.data.accountId}, month ${latest.month}`, value: `${persons} registered, area ${formatAreaM2(area)} m², norm ${formatAreaM2(normArea)} m², area share ${areaShare.numerator}/${areaShare.denominator}` });
      for (const service of latest.services) {
        const percent = service.serviceKind === 'housing' ? p.housingSharePercent.value : p.utilitySharePercent.value;
        let part = multiplyRatios(ratio(service.amountKopecks), ratio(percent, 100));
        if (service.serviceKind === 'housing') part = multiplyRatios(part, areaShare);
        if (service.perPerson !== true) part = multiplyRatios(part, ratio(1, persons));
        total = addRatios(total, part);
        values.push({ name: `  ${service.serviceCode} (${service.serviceKind})`, value: `${formatRubles(service.amountKopecks)}${service.serviceKind === 'housing' ? ` × ${areaShare.numerator}/${areaShare.denominator}` : ''}${service.perPerson === true ? '' : ` ÷ ${persons}`} × ${percent} % = ${formatRatioRubles(part)}` });
      }
    }
    const amount = roundHalfUp(total);
    values.push({ name: 'total before rounding', value: formatRatioRubles(total) }, { name: 'monthly compensation (half up)', value: formatRubles(amount) });
    recorder.step({
      ruleId: 'utility.compensation',
      description: 'Compensation from the latest month of actual accruals, per service',
      parameters: [useParameter(p.housingSharePercent, (v) => `${v} %`), useParameter(p.utilitySharePercent, (v) => `${v} %`), useParameter(p.socialAreaNorm, (n) => `${formatAreaM2(n.onePersonHundredthsM2)} / ${formatAreaM2(n.twoPersonsHundredthsM2)} / ${formatAreaM2(n.perPersonFromThreeHundredthsM2)} per person m²`)],
      facts: accounts.map((a) => ({ ref: a.ref, summary: `account ${a.data.accountId}` })),
      values,
      result: 'computed',
    });
    const period = disabilityUntil === undefined ? { from: firstDayOfMonth(date) } : { from: firstDayOfMonth(date), to: disabilityUntil };
    payments.push({ beneficiary: disabled.ref, amountKopecks: amount, period });
  }
  return conclude({ measure: 'utility-compensation', decisionDate: date, recorder, unavailable, failed, notGranted: [], review, payments });
}

function normaliseAddress(text: string): string {
  return text.toLocaleLowerCase('ru-RU').replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();
}
