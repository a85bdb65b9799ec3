/**
 * @module member-comparison
 * Compares one query against one household member field by field. The same comparison decides a match (every named
 * field agrees) and explains a near miss (which fields differ, and how close the member came), so the two can never
 * disagree about what "matching" means.
 */
import type { HouseholdMember } from './persona-schema.ts';
import { digitsOf, documentKey, foldName, similarity } from './identity-keys.ts';
import type { MemberQuery } from './member-query.ts';

export interface MemberComparison {
  /** Fields the query named; a member can only match if it agrees on all of them. */
  readonly fieldsCompared: number;
  readonly differences: readonly string[];
  /** Mean similarity over the compared fields, 0..1. */
  readonly score: number;
}

interface FieldOutcome {
  readonly similarity: number;
  readonly difference?: string;
}

function compareIdentifier(label: string, asked: string, known: string | undefined): FieldOutcome {
  if (known === undefined) return { similarity: 0, difference: `${label} is not on file (asked ${asked})` };
  const a = digitsOf(asked);
  const b = digitsOf(known);
  if (a === b) return { similarity: 1 };
  return { similarity: similarity(a, b), difference: `${label} differs (${asked} vs ${known})` };
}

function compareText(label: string, asked: string, known: string | undefined): FieldOutcome {
  if (known === undefined) return { similarity: 0, difference: `${label} is not on file (asked ${asked})` };
  const a = foldName(asked);
  const b = foldName(known);
  if (a === b) return { similarity: 1 };
  return { similarity: similarity(a, b), difference: `${label} differs (${asked} vs ${known})` };
}

function compareBirthDate(asked: string, known: string): FieldOutcome {
  if (asked === known) return { similarity: 1 };
  // Dates are compared as text so that a swapped day digit ("03-02" vs "03-20") still counts as close.
  return { similarity: similarity(asked, known), difference: `birth date differs (${asked} vs ${known})` };
}

function compareDocument(query: NonNullable<MemberQuery['document']>, member: HouseholdMember): FieldOutcome {
  const asked = documentKey(query.series, query.number);
  const keys = member.person.documents.map((d) => documentKey(d.series, d.number));
  if (keys.includes(asked)) return { similarity: 1 };
  const written = [query.series, query.number].filter(Boolean).join(' ');
  if (keys.length === 0) return { similarity: 0, difference: `document ${written} is not on file (member has no documents)` };
  const best = Math.max(...keys.map((k) => similarity(asked, k)));
  const onFile = member.person.documents.map((d) => `${d.series} ${d.number}`).join(', ');
  return { similarity: best, difference: `document differs (${written} vs ${onFile})` };
}

function outcomesFor(query: MemberQuery, member: HouseholdMember): FieldOutcome[] {
  const person = member.person;
  const outcomes: FieldOutcome[] = [];
  if (query.snils !== undefined) outcomes.push(compareIdentifier('snils', query.snils, person.snils));
  if (query.inn !== undefined) outcomes.push(compareIdentifier('inn', query.inn, person.inn));
  if (query.name !== undefined) {
    outcomes.push(compareText('family name', query.name.family, person.name.family));
    outcomes.push(compareText('first name', query.name.first, person.name.first));
    if (query.name.patronymic !== undefined) outcomes.push(compareText('patronymic', query.name.patronymic, person.name.patronymic));
  }
  if (query.birthDate !== undefined) outcomes.push(compareBirthDate(query.birthDate, person.birthDate));
  if (query.document !== undefined) outcomes.push(compareDocument(query.document, member));
  return outcomes;
}

export function compareMember(query: MemberQuery, member: HouseholdMember): MemberComparison {
  const outcomes = outcomesFor(query, member);
  const differences = outcomes.flatMap((o) => (o.difference === undefined ? [] : [o.difference]));
  const score = outcomes.length === 0 ? 0 : outcomes.reduce((sum, o) => sum + o.similarity, 0) / outcomes.length;
  return { fieldsCompared: outcomes.length, differences, score: Math.round(score * 1000) / 1000 };
}

export function agreesOnEveryField(comparison: MemberComparison): boolean {
  return comparison.fieldsCompared > 0 && comparison.differences.length === 0;
}
