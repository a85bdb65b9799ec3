import type { ParameterSet } from '../parameters/index.ts';
import type { ApplicationFacts, BirthGiftApplication, DecisionContext } from './application.ts';
import { addMonths } from './calendar-arithmetic.ts';
import { parametersMissing, personFacts, months } from './common.ts';
import { conclude } from './conclude.ts';
import type { Decision, FactReference, ManualReviewCode, PaymentLine, Reason, RefusalCode } from './decision.ts';
import { formatRubles } from './exact-money.ts';
import { readGroup, type PersonFacts } from './fact-access.ts';
import { displayName, isSamePerson } from './person-match.ts';
import { describeRegistration, residenceOn } from './residence.ts';
import { TraceRecorder, useParameter } from './trace.ts';

/**
 * One-off gift at a child's birth, per child: the birth registered by a registry office of the region; a parent
 * registered in the region on the birth date (a switch: the condition is unconfirmed); applied within the window
 * (6 months, the last day included: born 18 May → up to 18 November); no gift already granted for the child
 * (the service's own history, `context.previousGrants`).
 */
export const RULE_VERSION = 'birth-gift/2026.1';

export function decide(application: BirthGiftApplication, facts: ApplicationFacts, parameters: ParameterSet, context: DecisionContext = {}): Decision {
  const date = application.applicationDate;
  const recorder = new TraceRecorder('birth-gift', RULE_VERSION, date, parameters.regionCode);
  const p = parameters.measures.birthGift;
  if (p === undefined) return parametersMissing('birth-gift', date, recorder, 'birth-gift parameters');
  const kinds = parameters.general.acceptedRegistrationKinds;
  const unavailable: Reason<ManualReviewCode>[] = [];
  const notGranted: Reason<RefusalCode>[] = [];
  const payments: PaymentLine[] = [];

  const parents: PersonFacts[] = [personFacts({ role: 'applicant' }, 'the applicant', application.applicant, facts.applicant)];
  if (application.otherParent !== undefined) parents.push(personFacts({ role: 'other-parent' }, 'the other parent', application.otherParent, facts.otherParent));

  application.children.forEach((identity, index) => {
    const child = personFacts({ role: 'child', index }, `child ${index + 1}`, identity, facts.children?.[index]);
    const births = readGroup(child, 'zags', 'births');
    if (!births.known) {
      unavailable.push(births.reason);
      return;
    }
    const record = births.facts.find((b) => b.data.childBirthDate === identity.birthDate) ?? births.facts[0];
    if (record === undefined) {
      recorder.step({ ruleId: 'birth-gift.birth-record', description: `The civil registry holds the birth record of ${child.label}`, facts: [{ ref: births.outcomeRef, summary: 'no birth record' }], result: 'failed' });
      notGranted.push({ code: 'NO_BIRTH_RECORD', message: `The civil registry has no birth record of ${child.label}`, facts: [births.outcomeRef] });
      return;
    }
    const birthDate = record.data.childBirthDate;
    const failures: Reason<RefusalCode>[] = [];

    const office = record.data.registryOffice;
    const inRegion = office.regionCode === parameters.regionCode;
    recorder.step({
      ruleId: 'birth-gift.registered-in-region',
      description: `The birth of ${child.label} was registered by a registry office of region ${parameters.regionCode}`,
      facts: [{ ref: record.ref, summary: `birth record № ${record.data.act.number} of ${record.data.act.date}, ${office.name} (region ${office.regionCode}), born ${birthDate}` }],
      result: inRegion ? 'passed' : 'failed',
    });
    if (!inRegion) failures.push({ code: 'BIRTH_REGISTERED_OUTSIDE_REGION', message: `The birth of ${child.label} was registered by ${office.name} in region ${office.regionCode}`, facts: [record.ref] });

    if (p.parentResidenceRequired.value) {
      const used: FactReference[] = [];
      const lines: { ref: FactReference; summary: string }[] = [];
      let resident = false;
      for (const parent of parents) {
        const registrations = readGroup(parent, 'mvd', 'residence');
        if (!registrations.known) {
          // Another parent's registration may still settle it; only if none does is the gap decisive.
          used.push(...registrations.reason.facts);
          if (!unavailable.some((r) => r.message === registrations.reason.message)) unavailable.push(registrations.reason);
          continue;
        }
        const found = residenceOn(registrations.facts, parameters.regionCode, birthDate, kinds.value);
        resident ||= found.resident;
        used.push(...(registrations.facts.length > 0 ? registrations.facts.map((r) => r.ref) : [registrations.outcomeRef]));
        lines.push(...registrations.facts.map((r) => ({ ref: r.ref, summary: `${parent.label}: ${describeRegistration(r)}` })));
      }
      if (resident) {
        // A resident parent settles the condition; a registry that did not answer about the other one no longer matters.
        for (let i = unavailable.length - 1; i >= 0; i--) if (unavailable[i]?.facts.some((f) => f.agency === 'mvd')) unavailable.splice(i, 1);
      }
      recorder.step({
        ruleId: 'birth-gift.parent-resident',
        description: `A parent was registered in region ${parameters.regionCode} on the birth date ${birthDate}`,
        parameters: [useParameter(p.parentResidenceRequired), useParameter(kinds, (k) => k.join(', '))],
        facts: lines,
        result: resident ? 'passed' : 'failed',
      });
      if (!resident) failures.push({ code: 'NO_PARENT_RESIDENT', message: `No parent was registered in region ${parameters.regionCode} on ${birthDate}`, facts: used });
    } else {
      recorder.step({ ruleId: 'birth-gift.parent-resident', description: 'Parent residence condition', parameters: [useParameter(p.parentResidenceRequired)], result: 'not-applicable', note: 'Switched off in the parameter file' });
    }

    const lastDay = addMonths(birthDate, p.applicationWindowMonths.value);
    const inTime = date <= lastDay;
    recorder.step({
      ruleId: 'birth-gift.application-window',
      description: `Applied within ${months(p.applicationWindowMonths.value)} of the birth (last day included)`,
      parameters: [useParameter(p.applicationWindowMonths, months)],
      facts: [{ ref: record.ref, summary: `born ${birthDate}` }],
      values: [{ name: 'last day to apply', value: lastDay }, { name: 'application date', value: date }],
      result: inTime ? 'passed' : 'failed',
    });
    if (!inTime) failures.push({ code: 'APPLIED_TOO_LATE', message: `Applied on ${date}; the last day for ${child.label} (born ${birthDate}) was ${lastDay}`, facts: [record.ref] });

    const previous = (context.previousGrants ?? []).find(
      (g) =>
        g.measure === 'birth-gift' &&
        (g.birthAct !== undefined
          ? g.birthAct.number === record.data.act.number && g.birthAct.date === record.data.act.date
          : isSamePerson(g.child, { name: record.data.child, birthDate })),
    );
    recorder.step({
      ruleId: 'birth-gift.one-per-child',
      description: `No gift was already granted for ${child.label}`,
      values: [{ name: 'previous grants checked', value: String(context.previousGrants?.length ?? 0) }, { name: 'previous grant for this child', value: previous === undefined ? 'none' : `application ${previous.applicationId} of ${previous.decisionDate}` }],
      result: previous === undefined ? 'passed' : 'failed',
    });
    if (previous !== undefined) failures.push({ code: 'ALREADY_GRANTED', message: `A gift for ${displayName(record.data.child)} was already granted (application ${previous.applicationId}, ${previous.decisionDate})`, facts: [record.ref] });

    if (failures.length > 0) {
      notGranted.push(...failures);
      return;
    }
    recorder.step({ ruleId: 'birth-gift.amount', description: `Gift for ${child.label}`, parameters: [useParameter(p.amountPerChildKopecks, formatRubles)], result: 'computed', values: [{ name: 'amount', value: formatRubles(p.amountPerChildKopecks.value) }] });
    payments.push({ beneficiary: child.ref, amountKopecks: p.amountPerChildKopecks.value, period: { oneOff: true, on: date } });
  });

  return conclude({ measure: 'birth-gift', decisionDate: date, recorder, unavailable, failed: [], notGranted, review: [], payments });
}
