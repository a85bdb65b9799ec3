import { describe, expect, it } from 'vitest';
import { PersonaStore } from '../../simulators/engine/persona-store.ts';
import { isMemberMatch, type MemberLookup } from '../../simulators/engine/member-query.ts';
import { FIXTURE_DIR, fixturePersonas } from './support.ts';

function matchedKey(lookup: MemberLookup): string | undefined {
  return isMemberMatch(lookup) ? `${lookup.match.persona.id}/${lookup.match.member.key}` : undefined;
}

describe('PersonaStore', () => {
  it('loads every persona from a directory, whether a file holds one persona or an array', () => {
    const store = new PersonaStore({ directory: FIXTURE_DIR });
    expect(store.personas.map((p) => p.id).sort()).toEqual(['family-petrova', 'single-ivanov']);
    expect(store.status()).toMatchObject({ personaCount: 2, memberCount: 3, lastIssues: [] });
  });

  it('finds a member by SNILS written with or without separators', () => {
    const store = new PersonaStore({ directory: FIXTURE_DIR });
    expect(matchedKey(store.findMember({ snils: '112-233-445 95' }))).toBe('family-petrova/mother');
    expect(matchedKey(store.findMember({ snils: '11223344595' }))).toBe('family-petrova/mother');
  });

  it('finds a member by INN and by passport series and number', () => {
    const store = new PersonaStore({ directory: FIXTURE_DIR });
    expect(matchedKey(store.findMember({ inn: '771234567890' }))).toBe('family-petrova/mother');
    expect(matchedKey(store.findMember({ document: { series: '45 10', number: '123456' } }))).toBe('family-petrova/mother');
  });

  it('finds a member by family name, first name and birth date ignoring case and folding ё to е', () => {
    const store = new PersonaStore({ directory: FIXTURE_DIR });
    expect(matchedKey(store.findMember({ name: { family: 'ПЕТРОВА', first: 'алена' }, birthDate: '1985-03-20' }))).toBe('family-petrova/mother');
    expect(matchedKey(store.findMember({ name: { family: 'Иванов', first: 'Семен' }, birthDate: '1950-11-02' }))).toBe('single-ivanov/applicant');
  });

  it('explains a near miss when the SNILS matches but the birth date differs', () => {
    const store = new PersonaStore({ directory: FIXTURE_DIR });
    const lookup = store.findMember({ snils: '112-233-445 95', birthDate: '1985-03-02' });
    expect(isMemberMatch(lookup)).toBe(false);
    if (isMemberMatch(lookup)) return;
    expect(lookup.nearMisses[0]).toMatchObject({ personaId: 'family-petrova', memberKey: 'mother', differences: ['birth date differs (1985-03-02 vs 1985-03-20)'] });
    expect(lookup.explanation).toMatch(/^snils 112-233-445 95 matched no member; closest: family-petrova\/mother: birth date differs \(1985-03-02 vs 1985-03-20\)/);
  });

  it('ranks the closest member first when a SNILS has a typo', () => {
    const store = new PersonaStore({ directory: FIXTURE_DIR });
    const lookup = store.findMember({ snils: '112-233-445 59' });
    if (isMemberMatch(lookup)) throw new Error('expected no match');
    expect(lookup.nearMisses[0]?.memberKey).toBe('mother');
    expect(lookup.nearMisses[0]?.differences).toEqual(['snils differs (112-233-445 59 vs 112-233-445 95)']);
    expect(lookup.explanation).toMatch(/^snils 112-233-445 59 matched no member; closest: family-petrova\/mother: snils differs/);
  });

  it('replaces the set at runtime and refuses an invalid set with file, path and problem, keeping the old one', () => {
    const store = new PersonaStore();
    expect(store.replace(fixturePersonas()).ok).toBe(true);
    const broken = [{ id: 'Bad Id', description: 'x', members: [] }];
    const outcome = store.replace(broken);
    expect(outcome.ok).toBe(false);
    expect(outcome.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'request body', path: '[0].id' }),
        expect.objectContaining({ file: 'request body', path: '[0].members' }),
      ]),
    );
    expect(store.personas).toHaveLength(2);
    expect(store.status().lastIssues).toHaveLength(outcome.issues.length);
  });

  it('refuses a set in which two members share a SNILS', () => {
    const store = new PersonaStore();
    const [petrova] = fixturePersonas() as [Record<string, unknown>];
    const copy = { ...petrova, id: 'family-copy' };
    const outcome = store.replace([petrova, copy]);
    expect(outcome.ok).toBe(false);
    expect(outcome.issues.map((i) => i.message)).toContain('snils 112-233-445 95 is also used by family-petrova/mother');
  });
});
