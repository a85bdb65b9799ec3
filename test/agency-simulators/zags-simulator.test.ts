import { describe, expect, it } from 'vitest';
import { zagsContract } from '../../core/contracts/index.ts';
import { createZagsSimulator, zagsSimulator } from '../../simulators/zags/index.ts';
import { all, ask, child, fixtureStore, MOTHER_NAME, record, SON_NAME } from './support.ts';

const NS = zagsContract.namespace;
const FATHER_NAME = '<Person><FamilyName>Сидоров</FamilyName><FirstName>Олег</FirstName><Patronymic>Николаевич</Patronymic></Person>';
const births = (role: 'Child' | 'Parent', identifiers: string, act = ''): string =>
  `<BirthRecordsRequest xmlns="${NS}"><RequestId>zags-1</RequestId><${role}>${identifiers}</${role}>${act}</BirthRecordsRequest>`;
const deaths = (identifiers: string): string => `<DeathRecordsRequest xmlns="${NS}"><RequestId>zags-2</RequestId>${identifiers}</DeathRecordsRequest>`;

// The simulator as the runtime should wire it: with the live persona set, so records of non-members are found.
const store = fixtureStore();
const wired = createZagsSimulator({ personas: () => store.personas });

const actNumbers = (root: Element): string[] => all(root, NS, 'Act').map((act) => child(act, NS, 'Number')!);

describe('the civil registry simulator', () => {
  it('finds a birth by the child, with exactly the fixture values of the act record', () => {
    const { root } = ask(zagsSimulator, 'GetBirthRecords', births('Child', `${SON_NAME}<BirthDate>2016-09-03</BirthDate>`), store);
    expect(child(root, NS, 'RequestId')).toBe('zags-1');
    const [birth] = all(root, NS, 'Birth');
    expect(record(all(birth!, NS, 'Act')[0]!)).toEqual({ Number: '120168600001200345001', Date: '2016-09-10' });
    expect(record(all(birth!, NS, 'RegistryOffice')[0]!)).toEqual({ Name: 'Отдел ЗАГС г. Ханты-Мансийска', Code: 'R8600012', RegionCode: '86' });
    const childElement = all(birth!, NS, 'Child')[0]!;
    expect([child(childElement, NS, 'BirthDate'), child(childElement, NS, 'Gender'), child(childElement, NS, 'Snils')]).toEqual(['2016-09-03', 'M', '301-302-303 04']);
    const mother = all(birth!, NS, 'Mother')[0]!;
    expect(record(all(mother, NS, 'Person')[0]!)).toEqual({ FamilyName: 'Сидорова', FirstName: 'Алёна', Patronymic: 'Игоревна' });
    expect(child(mother, NS, 'BirthDate')).toBe('1988-04-12');
    const father = all(birth!, NS, 'Father')[0]!;
    expect([child(father, NS, 'BirthDate'), child(father, NS, 'Snils')]).toEqual(['1985-11-30', '401-402-403 04']);
  });

  it('finds every birth of the household by the mother, including a record kept under the daughter', () => {
    const { root, match } = ask(zagsSimulator, 'GetBirthRecords', births('Parent', `${MOTHER_NAME}<BirthDate>1988-04-12</BirthDate><Snils>201-202-203 04</Snils>`), store);
    expect(match?.member.key).toBe('mother');
    expect(actNumbers(root)).toEqual(['120168600001200345001', '120218600001200999002']);
  });

  it('finds the births by the father even though he is not a household member', () => {
    const { root, match } = ask(wired, 'GetBirthRecords', births('Parent', `${FATHER_NAME}<BirthDate>1985-11-30</BirthDate>`), store);
    expect(match?.persona.id).toBe('family-sidorova');
    expect(actNumbers(root)).toEqual(['120168600001200345001', '120218600001200999002']);
  });

  it('narrows births to the act the request names', () => {
    const act = '<Act><Number>120218600001200999002</Number><Date>2021-03-20</Date></Act>';
    const { root } = ask(zagsSimulator, 'GetBirthRecords', births('Parent', `${MOTHER_NAME}<BirthDate>1988-04-12</BirthDate>`, act), store);
    expect(actNumbers(root)).toEqual(['120218600001200999002']);
  });

  it('finds the death record of a person who is not a member, by name and birth date', () => {
    const { root } = ask(wired, 'GetDeathRecords', deaths(`${FATHER_NAME}<BirthDate>1985-11-30</BirthDate>`), store);
    const [death] = all(root, NS, 'Death');
    expect(record(all(death!, NS, 'Act')[0]!)).toEqual({ Number: '170248600001200111001', Date: '2024-02-22' });
    expect(record(all(death!, NS, 'RegistryOffice')[0]!)).toEqual({ Name: 'Отдел ЗАГС г. Ханты-Мансийска', RegionCode: '86' });
    const deceased = all(death!, NS, 'Deceased')[0]!;
    expect([child(deceased, NS, 'BirthDate'), child(deceased, NS, 'Snils')]).toEqual(['1985-11-30', '401-402-403 04']);
    expect(child(death!, NS, 'DeathDate')).toBe('2024-02-20');
  });

  it('finds a death record by SNILS alone in another household', () => {
    const byName = ask(wired, 'GetDeathRecords', deaths(`<Person><FamilyName>Кузнецова</FamilyName><FirstName>Мария</FirstName></Person><BirthDate>1952-06-01</BirthDate>`), store);
    expect(actNumbers(byName.root)).toEqual(['170237700001200222003']);
    const bySnils = ask(wired, 'GetDeathRecords', deaths(`${FATHER_NAME}<Snils>401-402-403 04</Snils>`), store);
    expect(actNumbers(bySnils.root)).toEqual(['170248600001200111001']);
  });

  it('answers NotFound for a living person and for someone the registry never heard of', () => {
    const living = ask(wired, 'GetDeathRecords', deaths(`${MOTHER_NAME}<BirthDate>1988-04-12</BirthDate>`), store);
    expect(all(living.root, NS, 'NotFound')).toHaveLength(1);
    const stranger = ask(wired, 'GetBirthRecords', births('Child', '<Person><FamilyName>Никтоев</FamilyName><FirstName>Никто</FirstName></Person><BirthDate>2010-01-01</BirthDate>'), store);
    expect(stranger.match).toBeUndefined();
    expect(all(stranger.root, NS, 'NotFound')).toHaveLength(1);
  });

  it('without the persona set finds no record of a non-member, and says so with NotFound', () => {
    const { root, match } = ask(zagsSimulator, 'GetDeathRecords', deaths(`${FATHER_NAME}<BirthDate>1985-11-30</BirthDate>`), store);
    expect(match).toBeUndefined();
    expect(all(root, NS, 'NotFound')).toHaveLength(1);
  });
});
