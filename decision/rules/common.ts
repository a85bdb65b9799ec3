import type { ApplicantFacts, SubjectIdentifiers } from '../../core/facts/index.ts';
import type { Decision, ManualReviewCode, MeasureId, PersonReference, Reason } from './decision.ts';
import type { PersonFacts } from './fact-access.ts';
import { displayName } from './person-match.ts';
import type { TraceRecorder } from './trace.ts';

/** Small pieces every measure uses: naming persons, and the answer when no parameters are in force. */
export function personFacts(ref: PersonReference, who: string, identity: SubjectIdentifiers, facts: ApplicantFacts | undefined): PersonFacts {
  return { ref, label: `${who} (${displayName(identity.name)}, born ${identity.birthDate})`, facts };
}

export function parametersMissing(measure: MeasureId, decisionDate: string, recorder: TraceRecorder, what: string): Decision {
  const reason: Reason<ManualReviewCode> = {
    code: 'PARAMETERS_NOT_IN_FORCE',
    message: `The parameter file has no ${what} in force on ${decisionDate} (region ${recorder.regionCode})`,
    facts: [],
  };
  recorder.step({ ruleId: `${measure}.parameters`, description: 'Parameters in force on the decision date', result: 'manual-review', note: reason.message });
  return { measure, decisionDate, kind: 'manual-review', reasons: [reason], trace: recorder.finish('manual review: PARAMETERS_NOT_IN_FORCE') };
}

export const years = (n: number): string => `${n} years`;
export const months = (n: number): string => `${n} months`;
