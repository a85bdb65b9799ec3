import { describe, expect, it } from 'vitest';
import { fnsContract, gisZhkhContract, loadXsdValidator, validateAgainstXsd } from '../../core/contracts/index.ts';
import { loadSamples } from './_samples.ts';

const fnsRequest = loadSamples().find((sample) => sample.match.operation.name === 'GetIncome' && sample.match.direction === 'request');
if (!fnsRequest) throw new Error('fns request sample missing');

describe('validateAgainstXsd', () => {
  it('answers { valid: true } for a valid payload', () => {
    expect(validateAgainstXsd(fnsRequest.xml, fnsContract.files.xsdPath)).toEqual({ valid: true });
  });

  it('reports a malformed document as invalid with its line instead of throwing', () => {
    const result = validateAgainstXsd('<IncomeRequest xmlns="urn://agency-kit/fns/income/1.0.0">\n<Snils>', fnsContract.files.xsdPath);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.errors[0]?.message).toMatch(/^XML is not well-formed: /);
    expect(result.errors[0]?.line).toBe(2);
  });

  it('refuses a DOCTYPE, so entity tricks never reach libxml2', () => {
    const hostile = `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${fnsRequest.xml.replace(/^<\?xml[^>]*>\s*/, '')}`;
    const result = validateAgainstXsd(hostile, fnsContract.files.xsdPath);
    expect(result).toEqual({ valid: false, errors: [{ message: 'XML with a DOCTYPE or entity declaration is refused' }] });
  });

  it('gives each schema error the line of the offending element', () => {
    const xml = fnsRequest.xml.replace('<BirthDate>1988-04-12</BirthDate>', '<BirthDate>12.04.1988</BirthDate>');
    const result = validateAgainstXsd(xml, fnsContract.files.xsdPath);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    const expectedLine = xml.split('\n').findIndex((line) => line.includes('12.04.1988')) + 1;
    expect(result.errors[0]).toEqual({ line: expectedLine, message: expect.stringContaining("'12.04.1988' is not a valid value of the atomic type 'xs:date'") });
  });

  it('reads the text as it is, whatever encoding its declaration names (the text is already decoded)', () => {
    const declared = fnsRequest.xml.replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="windows-1251"?>');
    expect(declared).toContain('windows-1251');
    expect(validateAgainstXsd(declared, fnsContract.files.xsdPath)).toEqual({ valid: true });
    const result = validateAgainstXsd(declared.replace('<BirthDate>1988-04-12', '<BirthDate>Ж1988-04-12'), fnsContract.files.xsdPath);
    expect(result.valid === false && result.errors[0]?.message).toContain("'Ж1988-04-12'");
  });

  it('caps the error list so one hostile document cannot produce an unbounded report', () => {
    const items = '<Unexpected/>'.repeat(500);
    const xml = fnsRequest.xml.replace('</IncomeRequest>', `${items}</IncomeRequest>`);
    const result = validateAgainstXsd(xml, fnsContract.files.xsdPath);
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.errors.length).toBeLessThanOrEqual(50);
  });
});

describe('loadXsdValidator', () => {
  it('returns the same compiled validator for the same schema path', () => {
    expect(loadXsdValidator(fnsContract.files.xsdPath)).toBe(loadXsdValidator(fnsContract.files.xsdPath));
  });

  it('gives the same verdict on the thousandth call as on the first (the compiled schema is reused safely)', () => {
    const sample = loadSamples().find((candidate) => candidate.match.operation.name === 'GetUtilityAccruals' && candidate.match.direction === 'request');
    if (!sample) throw new Error('gis-zhkh request sample missing');
    const validator = loadXsdValidator(gisZhkhContract.files.xsdPath);
    const broken = sample.xml.replace(/<([\w:]*)Snils>/, '<$1Snils>not-a-snils');
    for (let i = 0; i < 1000; i += 1) {
      expect(validator.validate(sample.xml).valid).toBe(true);
      expect(validator.validate(broken).valid).toBe(false);
    }
  });
});
