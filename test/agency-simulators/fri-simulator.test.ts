import { describe, expect, it } from 'vitest';
import { friContract } from '../../core/contracts/index.ts';
import { friSimulator } from '../../simulators/fri/index.ts';
import { all, ask, child, MOTHER_NAME, NOBODY_NAME, record, SON_NAME } from './support.ts';

const NS = friContract.namespace;
const request = (snils: string, name: string, birthDate: string, onDate?: string): string =>
  `<DisabilityRequest xmlns="${NS}"><RequestId>fri-1</RequestId><Snils>${snils}</Snils>${name}<BirthDate>${birthDate}</BirthDate>${onDate === undefined ? '' : `<OnDate>${onDate}</OnDate>`}</DisabilityRequest>`;
const KUZNETSOV = '<Person><FamilyName>Кузнецов</FamilyName><FirstName>Иван</FirstName></Person>';

describe('the disability registry simulator', () => {
  it('answers a disabled child with group code 4 and exactly the fixture values', () => {
    const { root } = ask(friSimulator, 'GetDisability', request('301-302-303 04', SON_NAME, '2016-09-03'));
    const [extract] = all(root, NS, 'DisabilityExtract');
    expect(child(root, NS, 'RequestId')).toBe('fri-1');
    const { Person: _person, MseAct: _act, Certificate: _certificate, ...flat } = record(extract!);
    expect(flat).toEqual({
      Snils: '301-302-303 04', BirthDate: '2016-09-03', Gender: 'M', Group: '4', Since: '2022-05-17', Until: '2034-09-03',
      ReexaminationDate: '2027-05-01', CauseCode: '11', CauseName: 'Ребёнок-инвалид',
    });
    expect(record(all(root, NS, 'Person')[0]!)).toEqual({ FamilyName: 'Сидоров', FirstName: 'Пётр', Patronymic: 'Олегович' });
    expect(record(all(root, NS, 'MseAct')[0]!)).toEqual({ Number: '1234.5.86/2022', Date: '2022-05-17' });
    expect(record(all(root, NS, 'Certificate')[0]!)).toEqual({ Series: 'МСЭ-2021', Number: '0123456' });
  });

  it('passes groups 1, 2 and 3 through as they are', () => {
    const { root } = ask(friSimulator, 'GetDisability', request('601-602-603 04', KUZNETSOV, '1950-01-31', '2018-06-01'));
    expect(all(root, NS, 'Group').map((el) => el.textContent)).toEqual(['2']);
  });

  it('keeps a disability that had ended by the requested date on record, with its end date', () => {
    const { root } = ask(friSimulator, 'GetDisability', request('601-602-603 04', KUZNETSOV, '1950-01-31', '2021-01-01'));
    expect(all(root, NS, 'NotRegistered')).toHaveLength(0);
    expect(all(root, NS, 'Until')).toHaveLength(1);
  });

  it('answers NotRegistered when the disability was established only after the requested date', () => {
    const { root } = ask(friSimulator, 'GetDisability', request('601-602-603 04', KUZNETSOV, '1950-01-31', '1990-01-01'));
    expect(record(all(root, NS, 'NotRegistered')[0]!).Snils).toBe('601-602-603 04');
  });

  it('answers NotRegistered when the registry knows no disability of a matched person', () => {
    const { root, match } = ask(friSimulator, 'GetDisability', request('201-202-203 04', MOTHER_NAME, '1988-04-12'));
    expect(match?.member.key).toBe('mother');
    expect(all(root, NS, 'NotRegistered')).toHaveLength(1);
    expect(all(root, NS, 'DisabilityExtract')).toHaveLength(0);
  });

  it('answers NotRegistered naming the asked SNILS when no person matches', () => {
    const { root, match } = ask(friSimulator, 'GetDisability', request('999-999-999 99', NOBODY_NAME, '2000-01-01'));
    expect(match).toBeUndefined();
    expect(record(all(root, NS, 'NotRegistered')[0]!).Snils).toBe('999-999-999 99');
  });
});
