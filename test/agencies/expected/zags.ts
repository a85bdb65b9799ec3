/**
 * Oracle for the civil registry. Act records belong to the family: they may be stored under any member of the
 * household, and one act (number + date) is one record however often it is stored. A recorded person is the one
 * asked about when their SNILS agree (if both have one); otherwise the name must agree (case and ё/е folded, the
 * patronymic only when both have one) and the birth date too when both have one.
 */
import type { FactsQuery } from '../../../core/adapter/index.ts';
import type { Persona } from '../personas.ts';
import { facts, optional, snilsDigits, type Expected, type ExpectedData } from './common.ts';

interface Recorded {
  readonly name: { readonly family: string; readonly first: string; readonly patronymic?: string | undefined };
  readonly birthDate?: string | undefined;
  readonly snils?: string | undefined;
}

const fold = (s: string): string => s.trim().toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');

function same(asked: FactsQuery['subject'], recorded: Recorded): boolean {
  if (asked.snils !== undefined && recorded.snils !== undefined) return snilsDigits(asked.snils) === snilsDigits(recorded.snils);
  const nameAgrees =
    fold(asked.name.family) === fold(recorded.name.family) &&
    fold(asked.name.first) === fold(recorded.name.first) &&
    (asked.name.patronymic === undefined || recorded.name.patronymic === undefined || fold(asked.name.patronymic) === fold(recorded.name.patronymic));
  return nameAgrees && (recorded.birthDate === undefined || asked.birthDate === recorded.birthDate);
}

const fullName = (n: Recorded['name']) => ({ family: n.family, first: n.first, ...optional('patronymic', n.patronymic) });

function uniqueActs<T extends { actNumber: string; actDate: string }>(records: T[]): T[] {
  const seen = new Set<string>();
  return records.filter((r) => !seen.has(`${r.actNumber}|${r.actDate}`) && Boolean(seen.add(`${r.actNumber}|${r.actDate}`)));
}

function genderInHousehold(persona: Persona, person: Recorded): 'male' | 'female' | undefined {
  const asSubject = (m: Persona['members'][number]) => ({ name: m.person.name, birthDate: m.person.birthDate, ...optional('snils', m.person.snils) }) as FactsQuery['subject'];
  return persona.members.find((m) => same(asSubject(m), person))?.person.gender;
}

export function expectedBirths(persona: Persona, asked: FactsQuery['subject'], role: 'child' | 'parent'): Expected<'births'> {
  const records = uniqueActs(
    persona.members.flatMap((m) => m.agencies?.zags?.births ?? []).filter((r) => (role === 'child' ? same(asked, r.child) : [r.mother, r.father].some((p) => p !== undefined && same(asked, p)))),
  );
  return facts(
    'births',
    records.map((r): ExpectedData<'births'> => {
      const parents = (
        [
          ['mother', r.mother],
          ['father', r.father],
        ] as const
      ).flatMap(([parentRole, p]) => (p === undefined ? [] : [{ role: parentRole, name: fullName(p.name), ...optional('birthDate', p.birthDate), ...optional('snils', p.snils === undefined ? undefined : snilsDigits(p.snils)) }]));
      return {
        child: fullName(r.child.name),
        childBirthDate: r.child.birthDate,
        ...optional('childGender', genderInHousehold(persona, r.child)),
        parents,
        act: { number: r.actNumber, date: r.actDate },
        registryOffice: { name: r.registryOffice, code: r.registryOfficeCode, regionCode: r.regionCode },
      };
    }),
  );
}

export function expectedDeaths(persona: Persona, asked: FactsQuery['subject']): Expected<'deaths'> {
  const records = uniqueActs(persona.members.flatMap((m) => m.agencies?.zags?.deaths ?? []).filter((r) => same(asked, r.person)));
  return facts(
    'deaths',
    records.map((r) => ({
      person: fullName(r.person.name),
      ...optional('birthDate', r.person.birthDate),
      ...optional('snils', r.person.snils === undefined ? undefined : snilsDigits(r.person.snils)),
      deathDate: r.deathDate,
      act: { number: r.actNumber, date: r.actDate },
      registryOffice: { name: r.registryOffice, ...optional('code', r.registryOfficeCode), regionCode: r.regionCode },
    })),
  );
}
