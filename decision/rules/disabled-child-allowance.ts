import type { ParameterSet } from '../parameters/index.ts';
import type { ApplicationFacts, DecisionContext, DisabledChildApplication } from './application.ts';
import { addDays, ageOn, birthdayAt, firstDayOfMonth, isWithin } from './calendar-arithmetic.ts';
import { parametersMissing, personFacts, years } from './common.ts';
import { conclude } from './conclude.ts';
import type { Decision, ManualReviewCode, PaymentLine, Reason, RefusalCode } from './decision.ts';
import { formatRubles } from './exact-money.ts';
import { readGroup } from './fact-access.ts';
import { displayName, isSamePerson } from './person-match.ts';
import { describeRegistration, residenceOn } from './residence.ts';
import { TraceRecorder, useParameter } from './trace.ts';

/**
 * Monthly allowance for disabled children: the "disabled child" category valid on the date (until inclusive), the
 * child under 18, the applicant a parent per the birth record (a claimed guardian goes to an official: no
 * guardianship register), the child resident in the region. Paid from the application month until the earlier of
 * the disability's "until" date and the day before the 18th birthday.
 */
export const RULE_VERSION = 'disabled-child-allowance/2026.1';

export function decide(application: DisabledChildApplication, facts: ApplicationFacts, parameters: ParameterSet, _context: DecisionContext = {}): Decision {
  const date = application.applicationDate;
  const recorder = new TraceRecorder('disabled-child-allowance', RULE_VERSION, date, parameters.regionCode);
  const p = parameters.measures.disabledChildAllowance;
  if (p === undefined) return parametersMissing('disabled-child-allowance', date, recorder, 'disabled-child-allowance parameters');
  const kinds = parameters.general.acceptedRegistrationKinds;
  const unavailable: Reason<ManualReviewCode>[] = [];
  const review: Reason<ManualReviewCode>[] = [];
  const failed: Reason<RefusalCode>[] = [];
  const child = personFacts({ role: 'child' }, 'the child', application.child, facts.children?.[0] ?? facts.disabledChild);

  // Disability: the child category valid on the date.
  const disability = readGroup(child, 'fri', 'disability');
  let validUntil: string | undefined;
  let validDisability = false;
  if (!disability.known) unavailable.push(disability.reason);
  else {
    const valid = disability.facts.find((d) => d.data.group === 'child' && isWithin(date, d.data.since, d.data.until));
    validDisability = valid !== undefined;
    validUntil = valid?.data.until;
    recorder.step({
      ruleId: 'disabled-child.category-valid',
      description: `${child.label} has the "disabled child" category valid on ${date} ("until" inclusive)`,
      facts: disability.facts.length > 0 ? disability.facts.map((d) => ({ ref: d.ref, summary: `group ${d.data.group} since ${d.data.since}${d.data.until === undefined ? ' without a term' : ` until ${d.data.until}`}` })) : [{ ref: disability.outcomeRef, summary: 'no disability record (the registry has no data)' }],
      result: validDisability ? 'passed' : 'failed',
    });
    if (disability.facts.length === 0) failed.push({ code: 'NO_DISABILITY_RECORD', message: `The disability registry has no record of ${child.label}`, facts: [disability.outcomeRef] });
    else if (!validDisability) failed.push({ code: 'DISABILITY_NOT_VALID', message: `${child.label} has no "disabled child" category valid on ${date}`, facts: disability.facts.map((d) => d.ref) });
  }

  // Birth record: the age, and the applicant as a parent.
  const births = readGroup(child, 'zags', 'births');
  let birthDate = application.child.birthDate;
  if (!births.known) unavailable.push(births.reason);
  else {
    const record = births.facts[0];
    if (record !== undefined) birthDate = record.data.childBirthDate;
    const isParent = record?.data.parents.some((parent) => isSamePerson(parent, application.applicant)) ?? false;
    const claimed = application.applicantRelationship;
    recorder.step({
      ruleId: 'disabled-child.applicant-is-parent',
      description: `The applicant is a parent of ${child.label} per the birth record, or a guardian`,
      facts: record === undefined ? [{ ref: births.outcomeRef, summary: 'no birth record' }] : [{ ref: record.ref, summary: `birth record № ${record.data.act.number}: parents ${record.data.parents.map((x) => `${x.role} ${displayName(x.name)}`).join(', ')}` }],
      values: [{ name: 'relationship claimed', value: claimed }],
      result: isParent ? 'passed' : claimed === 'guardian' ? 'manual-review' : 'failed',
    });
    if (!isParent && claimed === 'guardian') review.push({ code: 'GUARDIANSHIP_UNCONFIRMED', message: 'Guardianship is claimed; the kit has no guardianship register to confirm it', facts: record === undefined ? [births.outcomeRef] : [record.ref] });
    else if (!isParent) failed.push({ code: 'APPLICANT_NOT_PARENT', message: `The applicant is not named as a parent in the birth record of ${child.label} and no guardianship is on record`, facts: record === undefined ? [births.outcomeRef] : [record.ref] });
  }

  const age = ageOn(birthDate, date);
  const limit = p.ageLimitYears.value;
  recorder.step({
    ruleId: 'disabled-child.age-limit',
    description: `${child.label} is under ${limit} on ${date}`,
    parameters: [useParameter(p.ageLimitYears, years)],
    values: [{ name: 'birth date', value: birthDate }, { name: 'age on the decision date', value: years(age) }],
    result: age < limit ? 'passed' : 'failed',
  });
  if (age >= limit) failed.push({ code: 'CHILD_OVER_AGE_LIMIT', message: `${child.label} is ${age} on ${date}, not under ${limit}`, facts: births.known ? births.facts.map((b) => b.ref) : [] });

  const registrations = readGroup(child, 'mvd', 'residence');
  if (!registrations.known) unavailable.push(registrations.reason);
  else {
    const found = residenceOn(registrations.facts, parameters.regionCode, date, kinds.value);
    recorder.step({
      ruleId: 'disabled-child.child-resident',
      description: `${child.label} resides in region ${parameters.regionCode} on ${date}`,
      parameters: [useParameter(kinds, (k) => k.join(', '))],
      facts: registrations.facts.map((r) => ({ ref: r.ref, summary: describeRegistration(r) })),
      result: found.resident ? 'passed' : 'failed',
    });
    if (!found.resident) failed.push({ code: 'NOT_RESIDENT', message: `${child.label} has no registration in region ${parameters.regionCode} on ${date}`, facts: registrations.facts.length > 0 ? registrations.facts.map((r) => r.ref) : [registrations.outcomeRef] });
  }

  const payments: PaymentLine[] = [];
  if (validDisability && age < limit) {
    const dayBeforeLimit = addDays(birthdayAt(birthDate, limit), -1);
    const to = validUntil !== undefined && validUntil < dayBeforeLimit ? validUntil : dayBeforeLimit;
    const from = firstDayOfMonth(date);
    recorder.step({
      ruleId: 'disabled-child.amount-and-period',
      description: 'Amount and period: until the disability ends or the day before the 18th birthday, whichever first',
      parameters: [useParameter(p.monthlyAmountKopecks, formatRubles)],
      values: [
        { name: 'disability until', value: validUntil ?? 'without a term' },
        { name: 'day before the age limit', value: dayBeforeLimit },
        { name: 'paid from', value: from },
        { name: 'paid to', value: to },
      ],
      result: 'computed',
    });
    payments.push({ beneficiary: child.ref, amountKopecks: p.monthlyAmountKopecks.value, period: { from, to } });
  }
  return conclude({ measure: 'disabled-child-allowance', decisionDate: date, recorder, unavailable, failed, notGranted: [], review, payments });
}
