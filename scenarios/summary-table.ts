/**
 * @module summary-table
 * What the terminal shows: one progress line per finished scenario, and at the end a plain-text table (id,
 * measure, expected, actual, result, time) followed by every failure's differences. Plain text, no colours: CI
 * logs and `| tee` must read the same.
 */
import type { ScenarioResult } from './execute-scenario.ts';
import type { InvalidScenarioFile } from './load-scenarios.ts';

const ms = (value: number): string => (value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);

export function progressLine(r: ScenarioResult, finished: number, total: number): string {
  const width = String(total).length;
  return `[${String(finished).padStart(width)}/${total}] ${r.status === 'passed' ? 'PASS' : 'FAIL'} ${r.id} (${ms(r.durationMs)})${r.status === 'passed' ? '' : ` — ${r.problems[0] ?? ''}`}`;
}

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export function summaryTable(results: readonly ScenarioResult[]): string {
  const header = ['id', 'measure', 'expected', 'actual', 'result', 'time'];
  const rows = results.map((r) => [r.id, r.measure, clip(r.expected, 60), clip(r.actual, 60), r.status === 'passed' ? 'pass' : 'FAIL', ms(r.durationMs)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function failureDetails(results: readonly ScenarioResult[], invalid: readonly InvalidScenarioFile[]): string {
  const blocks: string[] = [];
  for (const f of invalid) blocks.push(`INVALID ${f.file}\n${f.problems.map((p) => `  - ${p}`).join('\n')}`);
  for (const r of results.filter((x) => x.status !== 'passed')) {
    blocks.push(`FAILED ${r.id} (${r.file})\n  expected: ${r.expected}\n  actual:   ${r.actual}\n${r.problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return blocks.join('\n\n');
}

export function totals(results: readonly ScenarioResult[], invalid: readonly InvalidScenarioFile[], totalMs: number): string {
  const passed = results.filter((r) => r.status === 'passed').length;
  return `${results.length} scenarios: ${passed} passed, ${results.length - passed} failed${invalid.length > 0 ? `, ${invalid.length} invalid file(s)` : ''} in ${ms(totalMs)}`;
}
