/**
 * @module make-decision
 * The pure part of processing: the rules in force on the application date for the service's region, the grants
 * history for duplicates, and what the decision adds to that history. No I/O: the store runs it inside the
 * transaction that records the decision.
 */
import type { ParameterSet } from '../parameters/index.ts';
import { parametersOn } from '../parameters/index.ts';
import { decideApplication, renderTrace, type Application, type ApplicationFacts, type Decision, type PreviousGrant } from '../rules/index.ts';

export interface MadeDecision {
  readonly decision: Decision;
  readonly traceText: string;
  readonly grants: readonly PreviousGrant[];
}

export type GrantsLookup = (measure: string, birthDates: readonly string[]) => PreviousGrant[];

/** The parameters in force, or undefined when the parameter file does not reach back to the date at all. */
export function parametersFor(date: string, region: string): ParameterSet | undefined {
  try {
    return parametersOn(date, region);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

export function makeDecision(applicationId: string, application: Application, facts: ApplicationFacts, region: string, previousGrants: GrantsLookup): MadeDecision {
  const parameters = parametersFor(application.applicationDate, region);
  if (parameters === undefined) return noParameters(application, region);
  const birthDates = application.measure === 'birth-gift' ? application.children.map((c) => c.birthDate) : [];
  const decision = decideApplication({ ...application, applicationId }, facts, parameters, { previousGrants: previousGrants('birth-gift', birthDates) });
  return { decision, traceText: renderTrace(decision.trace), grants: grantsOf(applicationId, application, facts, decision) };
}

/** Birth-gift grants per child paid (the only measure whose rules read the history). */
function grantsOf(applicationId: string, application: Application, facts: ApplicationFacts, decision: Decision): PreviousGrant[] {
  if (decision.kind !== 'granted' || application.measure !== 'birth-gift') return [];
  const grants: PreviousGrant[] = [];
  for (const line of decision.payments) {
    if (line.beneficiary.role !== 'child' || line.beneficiary.index === undefined) continue;
    const child = application.children[line.beneficiary.index];
    if (child === undefined) continue;
    const act = facts.children?.[line.beneficiary.index]?.facts.births.find((b) => b.provenance.agency === 'zags')?.data.act;
    grants.push({
      measure: 'birth-gift',
      applicationId,
      decisionDate: decision.decisionDate,
      child: {
        ...(child.snils === undefined ? {} : { snils: child.snils }),
        name: { family: child.name.family, first: child.name.first, ...(child.name.patronymic === undefined ? {} : { patronymic: child.name.patronymic }) },
        birthDate: child.birthDate,
      },
      ...(act === undefined ? {} : { birthAct: { number: act.number, date: act.date } }),
    });
  }
  return grants;
}

function noParameters(application: Application, region: string): MadeDecision {
  const message = `The parameter file has no general parameters in force on ${application.applicationDate}`;
  const decision: Decision = {
    measure: application.measure,
    decisionDate: application.applicationDate,
    kind: 'manual-review',
    reasons: [{ code: 'PARAMETERS_NOT_IN_FORCE', message, facts: [] }],
    trace: {
      measure: application.measure,
      ruleVersion: 'decision-service',
      decisionDate: application.applicationDate,
      regionCode: region,
      steps: [{ ruleId: 'service.parameters', ruleVersion: 'decision-service', description: 'Parameters in force on the decision date', parameters: [], facts: [], values: [], result: 'manual-review', note: message }],
      outcome: 'manual review: PARAMETERS_NOT_IN_FORCE',
    },
  };
  return { decision, traceText: renderTrace(decision.trace), grants: [] };
}
