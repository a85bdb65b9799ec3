import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KitError } from '../../core/errors/index.ts';
import { defaultParameterFile, parametersOn, parseParameterFile, readParameterFile, unverifiedParameters, valueOn } from '../../decision/parameters/index.ts';
import { decideApplication, renderTrace, type SurvivorApplication } from '../../decision/rules/index.ts';
import { ratio } from '../../decision/rules/exact-money.ts';
import { birthRecord, factsFor, person, registration } from './build-facts.ts';

function invalid(run: () => unknown): KitError {
  try {
    run();
  } catch (error) {
    if (error instanceof KitError) return error;
    throw error;
  }
  throw new Error('expected the parameter file to be rejected');
}

describe('the parameter loader', () => {
  it('accepts the kit’s default file', () => {
    expect(defaultParameterFile().formatVersion).toBe(1);
  });

  it('lists every problem of a bad file in one error: unknown key, float money, unordered dates, verified flag, missing group', () => {
    const file = structuredClone(defaultParameterFile()) as unknown as Record<string, Record<string, unknown[]>>;
    const survivor = file['survivorAllowance'];
    const birthGift = file['birthGift'];
    if (survivor === undefined || birthGift === undefined) throw new Error('default file shape changed');
    survivor['monthlyAmountKopecks'] = [{ from: '2026-01-01', value: 3120.5, source: 'x', verification: 'unverified', verified: false }, { from: '2025-01-01', value: 300000, source: 'x', verification: 'unverified', verified: true }];
    survivor['ageLimitYaers'] = [];
    delete birthGift['applicationWindowMonths'];
    const error = invalid(() => parseParameterFile(file, 'My file'));
    expect(error.code).toBe('ERR_CONFIG_INVALID');
    const issues = (error.details as { issues: { path: string; message: string }[] }).issues;
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining([
      'survivorAllowance.monthlyAmountKopecks[0].value',
      'survivorAllowance.monthlyAmountKopecks[1].from',
      'survivorAllowance.monthlyAmountKopecks[1].verified',
      'birthGift.applicationWindowMonths',
    ]));
    expect(issues.some((i) => i.message.includes('ageLimitYaers'))).toBe(true);
    expect(issues.length).toBeGreaterThanOrEqual(5);
    expect(error.message).toContain(`My file is invalid (${issues.length} problems)`);
  });

  it('reports a file that is not JSON as a configuration error naming the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'params-'));
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ not json');
    const error = invalid(() => readParameterFile(path));
    expect(error.code).toBe('ERR_CONFIG_INVALID');
    expect(error.message).toContain(path);
  });

  it('selects the value in force on the date: the day before a change keeps the old value, the day of it takes the new one', () => {
    expect(parametersOn('2025-12-31').measures.survivorAllowance?.monthlyAmountKopecks).toMatchObject({ value: 300_000, effectiveFrom: '2020-01-01' });
    expect(parametersOn('2026-01-01').measures.survivorAllowance?.monthlyAmountKopecks).toMatchObject({ value: 312_000, effectiveFrom: '2026-01-01' });
    expect(parametersOn('2022-05-31').subsistenceMinimum).toMatchObject({ effectiveFrom: '2021-01-01' });
    expect(parametersOn('2022-06-01').subsistenceMinimum).toMatchObject({ effectiveFrom: '2022-06-01', id: 'subsistenceMinimum.86' });
    expect(valueOn([{ from: '2020-01-01' }, { from: '2021-01-01' }], '2019-12-31')).toBeUndefined();
  });

  it('selects another region’s minimum and has none for a region the file does not cover', () => {
    const moscow = parametersOn('2026-03-01', '77');
    expect(moscow.regionCode).toBe('77');
    expect(moscow.subsistenceMinimum?.value.perCapitaKopecks).toBe(2_534_200);
    expect(parametersOn('2026-03-01', '66').subsistenceMinimum).toBeUndefined();
  });

  it('has no measure in force before its first date, and the rules then answer manual review, never a refusal', () => {
    const early = parametersOn('2019-06-01', '86', { ...defaultParameterFile(), general: { ...defaultParameterFile().general, homeRegionCode: [{ from: '2019-01-01', value: '86', source: 'test', verification: 'kit-default', verified: false }], acceptedRegistrationKinds: [{ from: '2019-01-01', value: ['permanent'], source: 'test', verification: 'kit-default', verified: false }] } });
    expect(early.measures.survivorAllowance).toBeUndefined();
    const mother = person('Мать', '1980-01-01');
    const child = person('Сын', '2010-01-01');
    const father = person('Отец', '1978-01-01');
    const application: SurvivorApplication = { measure: 'survivor-allowance', applicationDate: '2019-06-01', applicant: mother, children: [{ person: child, fullTimeStudent: false }], deceasedParent: father };
    const d = decideApplication(application, { applicant: factsFor(mother, { residence: [registration('72')] }) }, early);
    expect(d.kind).toBe('manual-review');
    if (d.kind === 'manual-review') expect(d.reasons.map((r) => r.code)).toEqual(['PARAMETERS_NOT_IN_FORCE']);
    expect(() => parametersOn('2019-06-01')).toThrow(RangeError);
  });

  it('lists every value not taken from a primary source, with its id and date', () => {
    const list = unverifiedParameters();
    expect(list).toContainEqual(expect.objectContaining({ id: 'survivorAllowance.monthlyAmountKopecks', from: '2026-01-01', verification: 'unverified' }));
    expect(list).toContainEqual(expect.objectContaining({ id: 'subsistenceMinimum.77', from: '2025-01-01', verification: 'secondary-source' }));
    expect(list.filter((e) => e.id === 'birthGift.parentResidenceRequired')).toHaveLength(1);
    const file = structuredClone(defaultParameterFile());
    const entry = file.birthGift.amountPerChildKopecks[0];
    if (entry === undefined) throw new Error('no birth-gift amount');
    file.birthGift.amountPerChildKopecks = [{ ...entry, verification: 'primary-source', verified: true }];
    expect(unverifiedParameters(parseParameterFile(file)).some((e) => e.id === 'birthGift.amountPerChildKopecks')).toBe(false);
  });
});

describe('exact money', () => {
  it('keeps ratios in lowest terms so a trace can be redone by hand', () => {
    expect(ratio(3300, 4000)).toEqual({ numerator: 33n, denominator: 40n });
    expect(ratio(-6, -4)).toEqual({ numerator: 3n, denominator: 2n });
    expect(ratio(0, 7)).toEqual({ numerator: 0n, denominator: 1n });
  });
});

describe('renderTrace', () => {
  it('shows rule ids and versions, parameter values with their dates, fact provenance and intermediate values', () => {
    const mother = person('Петрова', '1988-04-12');
    const father = person('Петров', '1985-09-03');
    const child = person('Петров-сын', '2016-02-21');
    const application: SurvivorApplication = { measure: 'survivor-allowance', applicationDate: '2026-11-16', applicant: mother, children: [{ person: child, fullTimeStudent: false }], deceasedParent: father };
    const deaths = factsFor(father, { deaths: [{ person: father.name, deathDate: '2026-06-04', act: { number: '170286', date: '2026-06-05' } }] });
    const facts = {
      applicant: factsFor(mother, { residence: [registration('86')] }),
      deceasedParent: deaths,
      children: [factsFor(child, { births: [birthRecord(child, [mother, father])], residence: [registration('86')] })],
    };
    const d = decideApplication(application, facts, parametersOn('2026-11-16'));
    const text = renderTrace(d.trace);
    const deathFact = deaths.facts.deaths[0];
    expect(deathFact).toBeDefined();
    expect(text).toContain('Decision trace: survivor-allowance (survivor-allowance/2026.1), decision date 2026-11-16, region 86');
    for (const id of ['survivor.applicant-resident', 'survivor.death-record', 'survivor.deceased-is-parent', 'survivor.age-limit', 'survivor.child-resident', 'survivor.amount-and-period']) {
      expect(text).toContain(`rule ${id} (survivor-allowance/2026.1)`);
    }
    expect(text).toContain('parameter survivorAllowance.monthlyAmountKopecks = 3 120.00 ₽ (in force from 2026-01-01; unverified, not verified)');
    expect(text).toContain('parameter survivorAllowance.ageLimitYears = 18 years (in force from 2020-01-01');
    expect(text).toContain(`fact zags/deaths[0] (message ${deathFact?.provenance.messageId}, received ${deathFact?.provenance.receivedAt}): death record № 170286 of 2026-06-05`);
    expect(text).toContain('age on the decision date: 10 years');
    expect(text).toContain('paid from: 2026-06-01');
    expect(text).toContain('paid to (day before the age limit): 2034-02-20');
    expect(text).toContain('Outcome: granted 3 120.00 ₽ (312000 kopecks) monthly from 2026-06-01 to 2034-02-20');
  });

  it('shows an agency that had nothing by its status when there is no message to cite', () => {
    const mother = person('Кузнецова', '1991-11-05');
    const father = person('Кузнецов', '1989-03-14');
    const child = person('Кузнецова-дочь', '2018-08-30');
    const application: SurvivorApplication = { measure: 'survivor-allowance', applicationDate: '2026-11-18', applicant: mother, children: [{ person: child, fullTimeStudent: false }], deceasedParent: father };
    const facts = {
      applicant: factsFor(mother, { residence: [registration('86')] }),
      deceasedParent: factsFor(father, {}, { zags: 'no-data' }),
      children: [factsFor(child, { births: [birthRecord(child, [mother, father])], residence: [registration('86')] })],
    };
    const text = renderTrace(decideApplication(application, facts, parametersOn('2026-11-18')).trace);
    expect(text).toContain('[FAILED] The civil registry holds a death record');
    expect(text).toContain('fact zags/deaths (no-data): no death record (the registry has no data)');
    expect(text).toContain('Outcome: refused: NO_DEATH_RECORD');
  });
});
