import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isKitError, type KitError } from '../../core/errors/index.ts';
import { FACT_GROUPS, parseApplicantFacts, parsePartialFacts, type FactsIssue } from '../../core/facts/index.ts';

const EXAMPLE_URL = new URL('../../fixtures/facts/example-applicant-facts.json', import.meta.url);

function loadExample(): Record<string, any> {
  return JSON.parse(readFileSync(EXAMPLE_URL, 'utf8')) as Record<string, any>;
}

function parseError(input: unknown): KitError {
  try {
    parseApplicantFacts(input);
  } catch (error) {
    if (isKitError(error, 'ERR_FACTS_INVALID')) return error;
    throw error;
  }
  throw new Error('expected parseApplicantFacts to throw');
}

function issuePaths(error: KitError): string[] {
  return (error.details['issues'] as FactsIssue[]).map((issue) => issue.path);
}

describe('parseApplicantFacts', () => {
  it('parses the complete example, with a fact in every group', () => {
    const facts = parseApplicantFacts(loadExample());
    for (const group of FACT_GROUPS) expect(facts.facts[group].length, group).toBeGreaterThan(0);
    expect(facts.outcomes.map((o) => o.agency).sort()).toEqual(['egisso', 'fns', 'fri', 'gis-zhkh', 'mvd', 'sfr', 'zags']);
  });

  it('normalizes the subject SNILS to its 11-digit form', () => {
    expect(parseApplicantFacts(loadExample()).subject.snils).toBe('11223344595');
  });

  it('reports every problem of a broken document with its path, not just the first', () => {
    const doc = loadExample();
    doc['subject'].snils = '112-233-445 96';
    doc['subject'].birthDate = '2023-02-30';
    doc['facts'].income[0].data.entries[1].amountKopecks = 55000.5;
    doc['facts'].income[0].data.entries[2].agent.inn = '7707083894';
    doc['facts'].housing[0].data.accruals[0].services[1].serviceKind = 'water';
    doc['facts'].disability[0].data.group = '4';
    doc['facts'].residence[0].provenance.agency = 'police';
    doc['facts'].births[0].provenance.messageId = 'not-a-uuid';
    doc['facts'].deaths[0].data.unexpected = true;

    const error = parseError(doc);
    expect(error.code).toBe('ERR_FACTS_INVALID');
    const expectedPaths = [
      'subject.snils',
      'subject.birthDate',
      'facts.income[0].data.entries[1].amountKopecks',
      'facts.income[0].data.entries[2].agent.inn',
      'facts.disability[0].data.group',
      'facts.housing[0].data.accruals[0].services[1].serviceKind',
      'facts.residence[0].provenance.agency',
      'facts.births[0].provenance.messageId',
      'facts.deaths[0].data',
    ];
    expect(issuePaths(error).sort()).toEqual([...expectedPaths].sort());
    for (const path of expectedPaths) expect(error.message).toContain(`- ${path}: `);
    expect(error.message).toMatch(/^Applicant facts are invalid \(9 problems\):/);
  });

  it('requires an error exactly when an agency outcome failed', () => {
    const doc = loadExample();
    doc['outcomes'][0] = { agency: 'sfr', status: 'failed' };
    doc['outcomes'][1] = {
      agency: 'fns',
      status: 'answered',
      error: { code: 'ERR_AGENCY_TIMEOUT', message: 'late', retryable: true },
    };
    expect(issuePaths(parseError(doc))).toEqual(['outcomes[0].error', 'outcomes[1].error']);
  });

  it('accepts a failed outcome that carries a kit error code', () => {
    const doc = loadExample();
    doc['outcomes'][6] = {
      agency: 'egisso',
      status: 'failed',
      error: { code: 'ERR_AGENCY_TIMEOUT', message: 'The register did not answer', retryable: true },
    };
    expect(parseApplicantFacts(doc).outcomes[6]?.status).toBe('failed');
  });

  it('refuses two outcomes for one agency', () => {
    const doc = loadExample();
    doc['outcomes'].push({ agency: 'mvd', status: 'no-data' });
    expect(issuePaths(parseError(doc))).toEqual(['outcomes[7].agency']);
  });

  it('refuses a document that is not an object at all, or lacks a schema version', () => {
    expect(issuePaths(parseError('facts'))).toEqual(['(root)']);
    const doc = loadExample();
    delete doc['schemaVersion'];
    expect(issuePaths(parseError(doc))).toEqual(['schemaVersion']);
  });

  it('refuses a monetary benefit without an amount and a debt flag that contradicts its amount', () => {
    const doc = loadExample();
    delete doc['facts'].assignedBenefits[0].data.amountKopecks;
    doc['facts'].housing[0].data.debts[0].amountKopecks = 1500;
    expect(issuePaths(parseError(doc)).sort()).toEqual([
      'facts.assignedBenefits[0].data.amountKopecks',
      'facts.housing[0].data.debts[0].hasDebt',
    ]);
  });
});

describe('parsePartialFacts', () => {
  it('accepts one group of an adapter result and reports a bad one as adapter facts', () => {
    const doc = loadExample();
    expect(parsePartialFacts({ residence: doc['facts'].residence }).residence).toHaveLength(1);
    doc['facts'].residence[0].data.address.regionCode = '8';
    expect(() => parsePartialFacts({ residence: doc['facts'].residence })).toThrow(
      /Adapter facts are invalid \(1 problem\):\n- residence\[0\]\.data\.address\.regionCode: /,
    );
  });
});
