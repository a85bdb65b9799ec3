/**
 * @module simulators/zags/person-match
 * Whether a person named in an act record is the person a request asks about. Act records are old and sparse: a
 * mother may be recorded without SNILS or birth date, and her family name may have changed since. So SNILS decides
 * when both sides have one; otherwise the name must agree (case, spaces and ё/е folded) and so must the birth date
 * when both sides have it.
 */
import { digitsOf, foldName } from '../engine/identity-keys.ts';
import type { PersonIdentifiers } from './read-request.ts';

export interface RecordedPerson {
  readonly name: { readonly family: string; readonly first: string; readonly patronymic?: string | undefined };
  readonly birthDate?: string | undefined;
  readonly snils?: string | undefined;
}

export interface MatchRule {
  /**
   * A name alone is enough inside one household (the household already narrows it to a family); across all
   * households a birth date or SNILS must agree too, or any namesake's death record would be found.
   */
  readonly requireStrongKey: boolean;
}

export function isSamePerson(asked: PersonIdentifiers, recorded: RecordedPerson, rule: MatchRule): boolean {
  if (asked.snils !== undefined && recorded.snils !== undefined) return digitsOf(asked.snils) === digitsOf(recorded.snils);
  const sameName =
    foldName(asked.name.family) === foldName(recorded.name.family) &&
    foldName(asked.name.first) === foldName(recorded.name.first) &&
    (asked.name.patronymic === undefined || recorded.name.patronymic === undefined || foldName(asked.name.patronymic) === foldName(recorded.name.patronymic));
  if (!sameName) return false;
  const birthDatesCompared = asked.birthDate !== undefined && recorded.birthDate !== undefined;
  if (birthDatesCompared && asked.birthDate !== recorded.birthDate) return false;
  return birthDatesCompared || !rule.requireStrongKey;
}
