/**
 * @module member-query
 * What an agency simulator knows about the subject of a request, in the form the persona store searches by. Each
 * agency request carries a different subset (SFR: SNILS + name + birth date; FNS: INN or SNILS; MVD: passport), so
 * every field is optional; the query is validated because it may come straight from an admin HTTP body.
 */
import { z } from 'zod';
import type { HouseholdMember, Persona } from './persona-schema.ts';

export const memberQuerySchema = z.strictObject({
  snils: z.string().min(1).optional(),
  inn: z.string().min(1).optional(),
  name: z
    .strictObject({ family: z.string().min(1), first: z.string().min(1), patronymic: z.string().min(1).optional() })
    .optional(),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').optional(),
  document: z.strictObject({ series: z.string().optional(), number: z.string().min(1) }).optional(),
});
export type MemberQuery = z.infer<typeof memberQuerySchema>;

export interface MemberMatch {
  readonly persona: Persona;
  readonly member: HouseholdMember;
}

export interface NearMiss {
  readonly personaId: string;
  readonly memberKey: string;
  /** 0..1: the mean similarity over the fields the query named. */
  readonly score: number;
  /** One phrase per field that did not agree, e.g. "birth date differs (1985-03-02 vs 1985-03-20)". */
  readonly differences: readonly string[];
}

export type MemberLookup =
  | { readonly match: MemberMatch }
  | { readonly nearMisses: readonly NearMiss[]; readonly explanation: string };

export function isMemberMatch(lookup: MemberLookup): lookup is { readonly match: MemberMatch } {
  return 'match' in lookup;
}

/**
 * Names the query by its strongest identifier only (SNILS, then INN, then document, then name and birth date), so
 * an explanation starts the way a person would describe the request: "snils 112-233-445 95 matched no member".
 */
export function describeQuery(query: MemberQuery): string {
  if (query.snils !== undefined) return `snils ${query.snils}`;
  if (query.inn !== undefined) return `inn ${query.inn}`;
  if (query.document !== undefined) return `document ${[query.document.series, query.document.number].filter(Boolean).join(' ')}`;
  if (query.name !== undefined) {
    const name = [query.name.family, query.name.first, query.name.patronymic].filter(Boolean).join(' ');
    return query.birthDate === undefined ? `name ${name}` : `name ${name} born ${query.birthDate}`;
  }
  return query.birthDate === undefined ? 'an empty query' : `birth date ${query.birthDate}`;
}
