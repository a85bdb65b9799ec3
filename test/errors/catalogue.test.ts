import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, ERROR_CODES, KitError, toProblem } from '../../core/errors/index.ts';

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
const documentedRows = new Map(
  [...doc.matchAll(/^\| `(ERR_[A-Z0-9_]+)` \| (\d{3}) \| (yes|no) \| (.+?) \|$/gm)].map((m) => [
    m[1]!,
    { status: Number(m[2]), retryable: m[3] === 'yes', title: m[4]! },
  ]),
);

describe('the error catalogue', () => {
  it('documents every code with the same status, retryable flag and title as the code does', () => {
    for (const code of ERROR_CODES) {
      expect(documentedRows.get(code), `docs/errors.md lacks or misstates ${code}`).toEqual(ERROR_CATALOGUE[code]);
    }
  });

  it('documents no code that the catalogue does not have', () => {
    expect([...documentedRows.keys()].filter((code) => !(code in ERROR_CATALOGUE))).toEqual([]);
  });

  it('uses only client or server error statuses', () => {
    for (const code of ERROR_CODES) expect(ERROR_CATALOGUE[code].status).toBeGreaterThanOrEqual(400);
  });

  it('renders a known error as a problem document with its code, status and details', () => {
    const problem = toProblem(new KitError('ERR_AGENCY_TIMEOUT', 'fns did not answer in 5000 ms', { agency: 'fns' }), '/v1/facts');
    expect(problem).toEqual({
      type: 'urn:agency-kit:error:ERR_AGENCY_TIMEOUT',
      title: ERROR_CATALOGUE.ERR_AGENCY_TIMEOUT.title,
      status: 504,
      detail: 'fns did not answer in 5000 ms',
      instance: '/v1/facts',
      code: 'ERR_AGENCY_TIMEOUT',
      retryable: true,
      details: { agency: 'fns' },
    });
  });

  it('hides the message of an unknown error behind ERR_INTERNAL', () => {
    const problem = toProblem(new Error('ENOENT: /etc/secret/key.pem'));
    expect(problem.code).toBe('ERR_INTERNAL');
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('secret');
  });
});
