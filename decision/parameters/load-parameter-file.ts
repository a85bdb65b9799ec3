import { readFileSync } from 'node:fs';
import { KitError } from '../../core/errors/index.ts';
import { formatPath } from '../../core/facts/index.ts';
import { parameterFileSchema, seriesIssues, type ParameterFile } from './parameter-file-schema.ts';

/**
 * Parameter files are validated the same way whether they are the kit's defaults or a user's own: a file that
 * fails lists every problem (path and message) in one ERR_CONFIG_INVALID, so a user fixes them in one pass.
 */
export function parseParameterFile(input: unknown, origin = 'Parameter file'): ParameterFile {
  const result = parameterFileSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  // zod skips a series' cross-entry checks once one of its entries fails; run them on the raw file as well.
  for (const extra of rawSeriesIssues(input)) {
    if (!issues.some((issue) => issue.path === extra.path && issue.message === extra.message)) issues.push(extra);
  }
  const lines = issues.map((issue) => `- ${issue.path}: ${issue.message}`);
  throw new KitError('ERR_CONFIG_INVALID', `${origin} is invalid (${issues.length} problems):\n${lines.join('\n')}`, {
    issues,
  });
}

/** Every series of a raw file (group → key → array; `subsistenceMinimum` → region → array) through `seriesIssues`. */
function rawSeriesIssues(input: unknown): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (typeof input !== 'object' || input === null) return out;
  for (const [groupName, group] of Object.entries(input)) {
    if (typeof group !== 'object' || group === null || Array.isArray(group)) continue;
    for (const [key, series] of Object.entries(group as Record<string, unknown>)) {
      if (!Array.isArray(series)) continue;
      for (const issue of seriesIssues(series)) out.push({ path: formatPath([groupName, key, ...issue.path]), message: issue.message });
    }
  }
  return out;
}

/** Reads and validates a JSON parameter file from disk. */
export function readParameterFile(path: string): ParameterFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new KitError('ERR_CONFIG_INVALID', `Parameter file ${path} is not readable JSON`, { path }, { cause });
  }
  return parseParameterFile(json, `Parameter file ${path}`);
}

const DEFAULT_PARAMETERS_PATH = new URL('./default-parameters.json', import.meta.url);

let defaultFile: ParameterFile | undefined;

/** The kit's default parameters (decision/parameters/default-parameters.json), validated once. */
export function defaultParameterFile(): ParameterFile {
  defaultFile ??= readParameterFile(DEFAULT_PARAMETERS_PATH.pathname);
  return defaultFile;
}
