import type { ParameterSet } from '../parameters/index.ts';
import type { ApplicationFacts, DecisionContext, SurvivorApplication } from './application.ts';
import { addMonths, ageOn, birthdayAt, addDays, firstDayOfMonth } from './calendar-arithmetic.ts';
import { personFacts, parametersMissing, years, months } from './common.ts';
import { conclude } from './conclude.ts';
import type { Decision, ManualReviewCode, PaymentLine, Reason, RefusalCode } from './decision.ts';
import { formatRubles } from './exact-money.ts';
import { readGroup, type KnownFact } from './fact-access.ts';
import { displayName, isSamePerson } from './person-match.ts';
import { describeRegistration, residenceOn } from './residence.ts';
import { TraceRecorder, useParameter } from './trace.ts';

/**
 * Monthly allowance for children who lost a breadwinner. Per child: a parent of the child (per the child's birth
 * record) has died (death record), the child is under the age limit (18, or 23 in confirmed full-time study), and
 * the child resides in the region; the applicant resides in the region too. Paid from the month of death when
 * applied within the window (6 months), else from the application month, until the day before the age limit.
 */
export const RULE_VERSION = 'survivor-allowance/2026.1';

export function decide(application: SurvivorApplication, facts: ApplicationFacts, parameters: ParameterSet, _context: DecisionContext = {}): Decision {
  const date = application.applicationDate;
  const recorder = new TraceRecorder('survivor-allowance', RULE_VERSION, date, parameters.regionCode);
  const p = parameters.measures.survivorAllowance;
  if (p === undefined) return parametersMissing('survivor-allowance', date, recorder, 'survivor-allowance parameters');
  const kinds = parameters.general.acceptedRegistrationKinds;
  const unavailable: Reason<ManualReviewCode>[] = [];
  const review: Reason<ManualReviewCode>[] = [];
  const failed: Reason<RefusalCode>[] = [];
  const notGranted: Reason<RefusalCode>[] = [];
  const payments: PaymentLine[] = [];

  // The applicant's residence.
  const applicant = personFacts({ role: 'applicant' }, 'the applicant', application.applicant, facts.applicant);
  const applicantRegistrations = readGroup(applicant, 'mvd', 'residence');
  if (!applicantRegistrations.known) unavailable.push(applicantRegistrations.reason);
  else {
    const found = residenceOn(applicantRegistrations.facts, parameters.regionCode, date, kinds.value);
    recorder.step({
      ruleId: 'survivor.applicant-resident',
      description: `The applicant resides in region ${parameters.regionCode} on ${date}`,
      parameters: [useParameter(kinds, (k) => k.join(', '))],
      facts: applicantRegistrations.facts.map((r) => ({ ref: r.ref, summary: describeRegistration(r) })),
      result: found.resident ? 'passed' : 'failed',
    });
    if (!found.resident) {
      failed.push({ code: 'NOT_RESIDENT', message: `${applicant.label} has no registration in region ${parameters.regionCode} on ${date}`, facts: applicantRegistrations.facts.length > 0 ? applicantRegistrations.facts.map((r) => r.ref) : [applicantRegistrations.outcomeRef] });
    }
  }

  // The death record of the named parent.
  const deceased = personFacts({ role: 'deceased-parent' }, 'the deceased parent', application.deceasedParent, facts.deceasedParent);
  const deaths = readGroup(deceased, 'zags', 'deaths');
  let death: KnownFact<'deaths'> | undefined;
  if (!deaths.known) unavailable.push(deaths.reason);
  else {
    death = deaths.facts.find((d) => isSamePerson({ ...d.data, name: d.data.person }, application.deceasedParent));
    recorder.step({
      ruleId: 'survivor.death-record',
      description: `The civil registry holds a death record of ${deceased.label}`,
      facts: deaths.facts.length > 0 ? deaths.facts.map((d) => ({ ref: d.ref, summary: `death record № ${d.data.act.number} of ${d.data.act.date}: ${displayName(d.data.person)} died ${d.data.deathDate}` })) : [{ ref: deaths.outcomeRef, summary: 'no death record (the registry has no data)' }],
      result: death === undefined ? 'failed' : 'passed',
    });
    if (death === undefined) {
      failed.push({ code: 'NO_DEATH_RECORD', message: `The civil registry has no death record of ${deceased.label}`, facts: deaths.facts.length > 0 ? deaths.facts.map((d) => d.ref) : [deaths.outcomeRef] });
    }
  }

  application.children.forEach((claim, index) => {
    const child = personFacts({ role: 'child', index }, `child ${index + 1}`, claim.person, facts.children?.[index]);
    const childFailures: Reason<RefusalCode>[] = [];

    const births = readGroup(child, 'zags', 'births');
    if (!births.known) unavailable.push(births.reason);
    else {
      const record = births.facts.find((b) => b.data.childBirthDate === claim.person.birthDate) ?? births.facts[0];
      const parentInRecord = record?.data.parents.some((parent) => isSamePerson(parent, application.deceasedParent)) ?? false;
      recorder.step({
        ruleId: 'survivor.deceased-is-parent',
        description: `The deceased is a parent of ${child.label} per the birth record`,
        facts: record === undefined ? [{ ref: births.outcomeRef, summary: 'no birth record' }] : [{ ref: record.ref, summary: `birth record № ${record.data.act.number}: parents ${record.data.parents.map((x) => `${x.role} ${displayName(x.name)}`).join(', ')}` }],
        result: parentInRecord ? 'passed' : 'failed',
      });
      if (record === undefined) childFailures.push({ code: 'NO_BIRTH_RECORD', message: `The civil registry has no birth record of ${child.label}`, facts: [births.outcomeRef] });
      else if (!parentInRecord) childFailures.push({ code: 'DECEASED_NOT_PARENT', message: `${displayName(application.deceasedParent.name)} is not a parent of ${child.label} in birth record № ${record.data.act.number}`, facts: [record.ref] });
    }

    // Age: the birth record's date when there is one, else the application's.
    const birthDate = births.known ? (births.facts[0]?.data.childBirthDate ?? claim.person.birthDate) : claim.person.birthDate;
    const age = ageOn(birthDate, date);
    const basicLimit = p.ageLimitYears.value;
    const studentLimit = p.fullTimeStudentAgeLimitYears.value;
    const underBasic = age < basicLimit;
    const underStudent = age < studentLimit;
    recorder.step({
      ruleId: 'survivor.age-limit',
      description: `${child.label} is under the age limit on ${date}`,
      parameters: [useParameter(p.ageLimitYears, years), useParameter(p.fullTimeStudentAgeLimitYears, years)],
      values: [{ name: 'birth date', value: birthDate }, { name: 'age on the decision date', value: years(age) }, { name: 'full-time student claimed', value: String(claim.fullTimeStudent) }],
      result: underBasic ? 'passed' : claim.fullTimeStudent && underStudent ? 'manual-review' : 'failed',
      ...(underBasic || !(claim.fullTimeStudent && underStudent) ? {} : { note: 'Full-time study cannot be confirmed: the kit has no education register' }),
    });
    if (!underBasic && claim.fullTimeStudent && underStudent) {
      review.push({ code: 'STUDENT_STATUS_UNCONFIRMED', message: `${child.label} is ${age}; full-time study (limit ${studentLimit}) is claimed but no agency confirms it`, facts: [] });
    } else if (!underBasic) {
      childFailures.push({ code: 'CHILD_OVER_AGE_LIMIT', message: `${child.label} is ${age} on ${date}, not under ${claim.fullTimeStudent ? studentLimit : basicLimit}`, facts: births.known ? births.facts.map((b) => b.ref) : [] });
    }

    const registrations = readGroup(child, 'mvd', 'residence');
    if (!registrations.known) unavailable.push(registrations.reason);
    else {
      const found = residenceOn(registrations.facts, parameters.regionCode, date, kinds.value);
      recorder.step({
        ruleId: 'survivor.child-resident',
        description: `${child.label} resides in region ${parameters.regionCode} on ${date}`,
        parameters: [useParameter(kinds, (k) => k.join(', '))],
        facts: registrations.facts.map((r) => ({ ref: r.ref, summary: describeRegistration(r) })),
        result: found.resident ? 'passed' : 'failed',
      });
      if (!found.resident) childFailures.push({ code: 'NOT_RESIDENT', message: `${child.label} has no registration in region ${parameters.regionCode} on ${date}`, facts: registrations.facts.length > 0 ? registrations.facts.map((r) => r.ref) : [registrations.outcomeRef] });
    }

    if (childFailures.length > 0) {
      notGranted.push(...childFailures);
      return;
    }
    if (death === undefined) return;
    const window = p.backdateWindowMonths.value;
    const backdated = date <= addMonths(death.data.deathDate, window);
    const from = firstDayOfMonth(backdated ? death.data.deathDate : date);
    const limit = claim.fullTimeStudent && !underBasic ? studentLimit : basicLimit;
    const to = addDays(birthdayAt(birthDate, limit), -1);
    recorder.step({
      ruleId: 'survivor.amount-and-period',
      description: `Amount and period for ${child.label}`,
      parameters: [useParameter(p.monthlyAmountKopecks, formatRubles), useParameter(p.backdateWindowMonths, months)],
      facts: [{ ref: death.ref, summary: `died ${death.data.deathDate}` }],
      values: [
        { name: 'applied within the window after the death', value: `${backdated} (window ends ${addMonths(death.data.deathDate, window)})` },
        { name: 'paid from', value: from },
        { name: 'paid to (day before the age limit)', value: to },
        { name: 'monthly amount', value: formatRubles(p.monthlyAmountKopecks.value) },
      ],
      result: 'computed',
    });
    payments.push({ beneficiary: child.ref, amountKopecks: p.monthlyAmountKopecks.value, period: { from, to } });
  });

  return conclude({ measure: 'survivor-allowance', decisionDate: date, recorder, unavailable, failed, notGranted, review, payments });
}
