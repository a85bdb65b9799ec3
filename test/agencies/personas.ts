/**
 * The demo personas as plain data for the contract suite, read straight from fixtures/personas (not through the
 * simulator's loader), and the way a caller turns one household member into a FactsQuery.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FactsQuery } from '../../core/adapter/index.ts';
import type { HouseholdMember, Persona } from '../../simulators/engine/index.ts';

export const PERSONAS_DIR = fileURLToPath(new URL('../../fixtures/personas/', import.meta.url));

export type { HouseholdMember, Persona };

function loadAll(): readonly Persona[] {
  return readdirSync(PERSONAS_DIR)
    .filter((file) => file.endsWith('.json') && !file.endsWith('.schema.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(PERSONAS_DIR, file), 'utf8')) as Persona);
}

export const DEMO_PERSONAS: readonly Persona[] = loadAll();

export function persona(id: string): Persona {
  const found = DEMO_PERSONAS.find((p) => p.id === id);
  if (!found) throw new Error(`no demo persona "${id}"`);
  return found;
}

export function member(personaId: string, key: string): HouseholdMember {
  const found = persona(personaId).members.find((m) => m.key === key);
  if (!found) throw new Error(`persona "${personaId}" has no member "${key}"`);
  return found;
}

/** The persona's decision date, from its `decision-date:YYYY-MM-DD` tag. */
export function decisionDate(personaId: string): string {
  const tag = (persona(personaId).tags ?? []).find((t) => t.startsWith('decision-date:'));
  if (!tag) throw new Error(`persona "${personaId}" has no decision-date tag`);
  return tag.slice('decision-date:'.length);
}

/** Identity-document kind codes of the tax service's list (СПДУЛ): 21 passport, 03 birth certificate, 10 foreign passport. */
const DOCUMENT_KIND_CODE = { 'passport-rf': '21', 'birth-certificate': '03', 'foreign-passport': '10' } as const;

export const snilsDigits = (snils: string): string => snils.replace(/\D/g, '');

/** The subject of a query as a caller would fill it from what the household member's own documents say. */
export function subjectOf(m: HouseholdMember, prefer: 'passport-rf' | 'any' = 'any'): FactsQuery['subject'] {
  const person = m.person;
  const documents = person.documents ?? [];
  const document = (prefer === 'passport-rf' ? documents.find((d) => d.kind === 'passport-rf') : undefined) ?? documents[0];
  return {
    ...(person.snils === undefined ? {} : { snils: snilsDigits(person.snils) }),
    ...(person.inn === undefined ? {} : { inn: person.inn }),
    name: { family: person.name.family, first: person.name.first, ...(person.name.patronymic === undefined ? {} : { patronymic: person.name.patronymic }) },
    birthDate: person.birthDate,
    gender: person.gender,
    ...(document === undefined
      ? {}
      : {
          identityDocument: {
            kindCode: DOCUMENT_KIND_CODE[document.kind],
            series: document.series,
            number: document.number,
            issueDate: document.issuedOn,
            ...(document.issuer === undefined ? {} : { issuer: document.issuer }),
          },
        }),
  };
}

/** Someone no agency has heard of: a checksum-valid SNILS that no fixture uses, and a name no fixture has. */
export const STRANGER: FactsQuery['subject'] = {
  snils: '12345678964',
  name: { family: 'Неизвестных', first: 'Аноним', patronymic: 'Тестович' },
  birthDate: '1977-07-17',
  gender: 'male',
  identityDocument: { kindCode: '21', series: '7777', number: '777777', issueDate: '2010-01-01' },
};

/** The day after `date` (ISO), for near misses. */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
