import { describe, expect, it } from 'vitest';
import { zagsBirthsAdapter, zagsBirthsByParentAdapter, zagsDeathsAdapter } from '../../adapters/index.ts';
import { expectBadResponse, expectFacts, fixture, provenance, read } from './_support.ts';

const births = fixture('zags/birth-records-response.xml');
const deaths = fixture('zags/death-records-response.xml');

describe('the civil registry births adapter', () => {
  it('normalizes the sample record into a birth fact with both parents', () => {
    const expected = {
      births: [
        {
          data: {
            child: { family: 'Иванов', first: 'Пётр', patronymic: 'Сергеевич' },
            childBirthDate: '2016-09-03',
            childGender: 'male',
            parents: [
              {
                role: 'mother',
                name: { family: 'Иванова', first: 'Мария', patronymic: 'Петровна' },
                birthDate: '1988-04-12',
                snils: '11223344595',
              },
              { role: 'father', name: { family: 'Иванов', first: 'Сергей', patronymic: 'Николаевич' }, birthDate: '1985-11-30' },
            ],
            act: { number: '120168600001200345001', date: '2016-09-10' },
            registryOffice: { name: 'Отдел ЗАГС администрации г. Ханты-Мансийска', code: 'R8600012', regionCode: '86' },
          },
          provenance: provenance('zags'),
        },
      ],
    };
    expect(expectFacts(read(zagsBirthsAdapter, births))).toEqual(expected);
    expect(expectFacts(read(zagsBirthsByParentAdapter, births))).toEqual(expected);
  });

  it('keeps a record with only the mother', () => {
    const motherOnly = births.replace(/<Father>[\s\S]*<\/Father>/, '');
    expect(expectFacts(read(zagsBirthsAdapter, motherOnly)).births?.[0]?.data.parents.map((p) => p.role)).toEqual(['mother']);
  });

  it('refuses a record that names no parent', () => {
    const orphan = births.replace(/<Mother>[\s\S]*<\/Father>/, '');
    expectBadResponse(read(zagsBirthsAdapter, orphan), 'Birth', /neither a mother nor a father/);
  });

  it('maps an empty NotFound to no-data', () => {
    expect(read(zagsBirthsAdapter, fixture('zags/birth-records-response-not-found.xml')).kind).toBe('no-data');
  });
});

describe('the civil registry deaths adapter', () => {
  it('normalizes the sample record into a death fact', () => {
    expect(expectFacts(read(zagsDeathsAdapter, deaths))).toEqual({
      deaths: [
        {
          data: {
            person: { family: 'Иванов', first: 'Сергей', patronymic: 'Николаевич' },
            birthDate: '1985-11-30',
            snils: '15678901211',
            deathDate: '2024-02-17',
            act: { number: '170248600001200123002', date: '2024-02-20' },
            registryOffice: { name: 'Отдел ЗАГС администрации г. Сургута', code: 'R8600031', regionCode: '86' },
          },
          provenance: provenance('zags'),
        },
      ],
    });
  });

  it('maps NotFound to no-data with the agency message', () => {
    expect(read(zagsDeathsAdapter, fixture('zags/death-records-response-not-found.xml'))).toEqual({
      kind: 'no-data',
      reason: 'Запись акта о смерти не найдена',
    });
  });

  it('refuses a death before birth and a missing death date', () => {
    expectBadResponse(read(zagsDeathsAdapter, deaths.replace('<DeathDate>2024-02-17', '<DeathDate>1980-01-01')), /before the BirthDate/);
    expectBadResponse(read(zagsDeathsAdapter, deaths.replace('<DeathDate>2024-02-17</DeathDate>', '')), /DeathDate/);
  });

  it('refuses a births answer given to the deaths adapter', () => {
    expectBadResponse(read(zagsDeathsAdapter, births), /expected the root .*DeathRecordsResponse, got .*BirthRecordsResponse/);
  });
});
