/**
 * @module junit-report
 * The JUnit XML CI systems read: one testsuite per measure (plus "invalid-files"), one testcase per scenario, a
 * <failure> with every difference for a failed one and an <error> naming each problem of an invalid file.
 */
import type { ScenarioResult } from './execute-scenario.ts';
import type { InvalidScenarioFile } from './load-scenarios.ts';

export function escapeXml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped: a control byte in an error message must not break the report.
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

function testcase(r: ScenarioResult): string {
  const open = `    <testcase classname="scenarios.${escapeXml(r.measure)}" name="${escapeXml(r.id)}" file="${escapeXml(r.file)}" time="${seconds(r.durationMs)}"`;
  if (r.status === 'passed') return `${open}/>`;
  const body = [`${r.title}`, `expected: ${r.expected}`, `actual:   ${r.actual}`, ...r.problems].join('\n');
  return `${open}>\n      <failure message="${escapeXml(r.problems[0] ?? 'failed')}" type="ScenarioMismatch">${escapeXml(body)}</failure>\n    </testcase>`;
}

function invalidCase(f: InvalidScenarioFile): string {
  return `    <testcase classname="scenarios.invalid-files" name="${escapeXml(f.file)}" file="${escapeXml(f.file)}" time="0">\n      <error message="${escapeXml(`invalid scenario file: ${f.problems[0] ?? ''}`)}" type="InvalidScenarioFile">${escapeXml(f.problems.join('\n'))}</error>\n    </testcase>`;
}

export function renderJUnit(results: readonly ScenarioResult[], invalid: readonly InvalidScenarioFile[], totalMs: number): string {
  const suites = new Map<string, ScenarioResult[]>();
  for (const r of results) suites.set(r.measure, [...(suites.get(r.measure) ?? []), r]);
  const parts: string[] = [];
  for (const [measure, list] of [...suites].sort(([a], [b]) => a.localeCompare(b))) {
    const failures = list.filter((r) => r.status !== 'passed').length;
    const time = list.reduce((sum, r) => sum + r.durationMs, 0);
    parts.push(`  <testsuite name="scenarios.${escapeXml(measure)}" tests="${list.length}" failures="${failures}" errors="0" skipped="0" time="${seconds(time)}">`, ...list.map(testcase), '  </testsuite>');
  }
  if (invalid.length > 0) {
    parts.push(`  <testsuite name="scenarios.invalid-files" tests="${invalid.length}" failures="0" errors="${invalid.length}" skipped="0" time="0">`, ...invalid.map(invalidCase), '  </testsuite>');
  }
  const failures = results.filter((r) => r.status !== 'passed').length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="scenarios" tests="${results.length + invalid.length}" failures="${failures}" errors="${invalid.length}" time="${seconds(totalMs)}">\n${parts.join('\n')}\n</testsuites>\n`;
}
