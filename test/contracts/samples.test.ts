import { describe, expect, it } from 'vitest';
import { CONTRACTS, loadXsdValidator, type XsdValidationResult } from '../../core/contracts/index.ts';
import { REQUIRED_FIELDS, inOtherNamespace, loadSamples, withText, withoutElement } from './_samples.ts';

const samples = loadSamples();
const requests = samples.filter((sample) => sample.match.direction === 'request');
const dataResponses = samples.filter((sample) => sample.match.direction === 'response' && !sample.file.includes('-not-'));

function messages(result: XsdValidationResult): string {
  return result.valid ? '' : result.errors.map((error) => error.message).join('\n');
}

describe('contract samples', () => {
  it('every operation has a sample request, a data response and a no-data response', () => {
    for (const contract of CONTRACTS) {
      for (const operation of contract.operations) {
        const own = samples.filter((sample) => sample.match.operation === operation);
        expect(own.filter((sample) => sample.match.direction === 'request'), operation.name).toHaveLength(1);
        expect(own.filter((sample) => sample.match.direction === 'response' && !sample.file.includes('-not-')), operation.name).toHaveLength(1);
        const noData = own.filter((sample) => sample.xml.includes(`${operation.noDataElement}>`) || sample.xml.includes(`${operation.noDataElement}/>`));
        expect(noData.length, `${operation.name} no-data sample`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it.each(samples.map((sample) => [`${sample.contract.agency}/${sample.file}`, sample] as const))('%s is valid', (_name, sample) => {
    const result = loadXsdValidator(sample.contract.files.xsdPath).validate(sample.xml);
    expect(messages(result)).toBe('');
    expect(result.valid).toBe(true);
  });

  it.each([...requests, ...dataResponses].map((sample) => [`${sample.contract.agency}/${sample.file}`, sample] as const))(
    '%s without a required field fails, naming the missing element',
    (_name, sample) => {
      const fields = REQUIRED_FIELDS[sample.match.operation.name];
      expect(fields, `REQUIRED_FIELDS lists ${sample.match.operation.name}`).toBeDefined();
      const field = sample.match.direction === 'request' ? fields?.request : fields?.response;
      const result = loadXsdValidator(sample.contract.files.xsdPath).validate(withoutElement(sample.xml, field ?? ''));
      expect(result.valid).toBe(false);
      expect(messages(result)).toContain(`}${field}`);
      expect(messages(result)).toMatch(/Missing child element|This element is not expected/);
    },
  );

  it.each(requests.map((sample) => [`${sample.contract.agency}/${sample.file}`, sample] as const))(
    '%s with a SNILS outside the NNN-NNN-NNN NN pattern fails, naming Snils and the pattern',
    (_name, sample) => {
      const result = loadXsdValidator(sample.contract.files.xsdPath).validate(withText(sample.xml, 'Snils', '11223344595'));
      expect(result.valid).toBe(false);
      expect(messages(result)).toContain('Snils');
      expect(messages(result)).toContain("[facet 'pattern']");
      expect(messages(result)).toContain('11223344595');
      expect(result.valid === false && result.errors[0]?.line).toBeGreaterThan(1);
    },
  );

  it.each(samples.map((sample) => [`${sample.contract.agency}/${sample.file}`, sample] as const))(
    '%s in another namespace version fails as an undeclared root',
    (_name, sample) => {
      const result = loadXsdValidator(sample.contract.files.xsdPath).validate(inOtherNamespace(sample.xml, sample.contract));
      expect(result.valid).toBe(false);
      expect(messages(result)).toContain('No matching global declaration available for the validation root');
      expect(messages(result)).toContain('/9.9.9}');
    },
  );

  it('money with other than two fraction digits is refused', () => {
    const sample = dataResponses.find((candidate) => candidate.match.operation.name === 'GetIncome');
    expect(sample).toBeDefined();
    if (!sample) return;
    const validator = loadXsdValidator(sample.contract.files.xsdPath);
    for (const amount of ['60000', '60000.5', '60000.123', '-1.00']) {
      const result = validator.validate(withText(sample.xml, 'Amount', amount));
      expect(result.valid, amount).toBe(false);
      expect(messages(result)).toContain('Amount');
    }
  });

  it('a disability group outside the registry codes 1, 2, 3, 4, 7 is refused', () => {
    const sample = dataResponses.find((candidate) => candidate.match.operation.name === 'GetDisability');
    if (!sample) throw new Error('no fri data sample');
    const validator = loadXsdValidator(sample.contract.files.xsdPath);
    for (const group of ['1', '2', '3', '4', '7']) expect(validator.validate(withText(sample.xml, 'Group', group)).valid).toBe(true);
    const result = validator.validate(withText(sample.xml, 'Group', '5'));
    expect(messages(result)).toContain("[facet 'enumeration']");
  });

  it('the tax service request needs SNILS or INN, and accepts INN alone', () => {
    const sample = requests.find((candidate) => candidate.match.operation.name === 'GetIncome');
    if (!sample) throw new Error('no fns request sample');
    const validator = loadXsdValidator(sample.contract.files.xsdPath);
    expect(validator.validate(withoutElement(sample.xml, 'Snils')).valid).toBe(true);
    const neither = validator.validate(withoutElement(withoutElement(sample.xml, 'Snils'), 'Inn'));
    expect(neither.valid).toBe(false);
  });
});
