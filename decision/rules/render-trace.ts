import { describeRef } from './fact-access.ts';
import type { Trace } from './trace.ts';

/** Plain text of a trace, one block per rule, for people (the API returns the structured trace as well). */
export function renderTrace(trace: Trace): string {
  const lines = [`Decision trace: ${trace.measure} (${trace.ruleVersion}), decision date ${trace.decisionDate}, region ${trace.regionCode}`];
  trace.steps.forEach((step, i) => {
    lines.push('', `${i + 1}. [${step.result.toUpperCase()}] ${step.description}`, `   rule ${step.ruleId} (${step.ruleVersion})`);
    for (const p of step.parameters) lines.push(`   parameter ${p.id} = ${p.value} (in force from ${p.effectiveFrom}; ${p.verification}${p.verified ? '' : ', not verified'})`);
    for (const f of step.facts) lines.push(`   fact ${describeRef(f.ref)}: ${f.summary}`);
    for (const v of step.values) lines.push(`   ${v.name}: ${v.value}`);
    if (step.note !== undefined) lines.push(`   note: ${step.note}`);
  });
  lines.push('', `Outcome: ${trace.outcome}`);
  return lines.join('\n');
}
