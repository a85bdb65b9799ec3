/**
 * @module persona-files
 * Reads persona fixtures from a directory and validates them. Every problem is collected (file + JSON path +
 * message) rather than stopping at the first, so one reload shows a QA engineer everything that needs fixing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { personaSchema, type Persona } from './persona-schema.ts';
import type { PersonaIssue, SourcedPersona } from './persona-index.ts';

export interface PersonaReadResult {
  readonly personas: readonly SourcedPersona[];
  readonly issues: readonly PersonaIssue[];
  readonly files: readonly string[];
}

/** "members.0.person.snils"; the root is "(root)" so an issue never has an empty path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

export function zodIssuesToPersonaIssues(file: string, error: z.ZodError): PersonaIssue[] {
  return error.issues.map((issue) => ({ file, path: formatIssuePath(issue.path), message: issue.message }));
}

/**
 * Validates an already-parsed value against the file format (personaFileSchema: a persona or an array of them). A
 * union error from zod would only say "invalid input", so the branch is chosen by shape first and the matching
 * schema reports real paths.
 */
export function validatePersonaDocument(file: string, value: unknown): { personas: SourcedPersona[] } | { issues: PersonaIssue[] } {
  const schema = Array.isArray(value) ? personaSchema.array() : personaSchema;
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { issues: zodIssuesToPersonaIssues(file, parsed.error) };
  const list: Persona[] = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  return { personas: list.map((persona, index) => ({ persona, file, index: Array.isArray(value) ? index : -1 })) };
}

export function parsePersonaFileText(file: string, text: string): { personas: SourcedPersona[] } | { issues: PersonaIssue[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { issues: [{ file, path: '(root)', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  return validatePersonaDocument(file, value);
}

/** Every `*.json` in the directory (not recursive), in name order so that load order never depends on the disk. */
export function listPersonaFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json') && !entry.name.endsWith('.schema.json'))
    .map((entry) => entry.name)
    .sort();
}

export function readPersonaDirectory(directory: string): PersonaReadResult {
  let files: string[];
  try {
    files = listPersonaFiles(directory);
  } catch (error) {
    return { personas: [], issues: [{ file: directory, path: '(root)', message: `cannot list directory: ${(error as Error).message}` }], files: [] };
  }
  const personas: SourcedPersona[] = [];
  const issues: PersonaIssue[] = [];
  for (const name of files) {
    let text: string;
    try {
      text = readFileSync(join(directory, name), 'utf8');
    } catch (error) {
      issues.push({ file: name, path: '(root)', message: `cannot read file: ${(error as Error).message}` });
      continue;
    }
    const result = parsePersonaFileText(name, text);
    if ('issues' in result) issues.push(...result.issues);
    else personas.push(...result.personas);
  }
  return { personas, issues, files };
}
