/** Audit entries and file helpers shared by the audit log tests. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEntryInput } from '../../gateway/ports.ts';

export function entry(n: number, overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    correlationId: `corr-${String(n).padStart(6, '0')}`,
    consumer: 'decision',
    purpose: { measure: 'child-benefit', caseNumber: `case-${n}` },
    subject: { snils: '112-233-445 95', name: { family: 'Иванова', first: 'Мария' }, birthDate: '1990-05-17' },
    agencies: ['sfr', 'fns'],
    outcome: 'answered',
    perAgency: { sfr: 'answered', fns: 'no-data' },
    ...overrides,
  };
}

export function tempDir(): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'agency-kit-audit-'));
  return { dir, file: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The file's lines without the final newline's empty remainder. */
export function readLines(path: string): string[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.pop();
  return lines;
}

export function writeLines(path: string, lines: readonly string[], finalNewline = true): void {
  writeFileSync(path, lines.join('\n') + (finalNewline ? '\n' : ''));
}
