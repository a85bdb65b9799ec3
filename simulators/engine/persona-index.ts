/**
 * @module persona-index
 * An immutable, indexed snapshot of one persona set. Building it also checks what the schema cannot see across
 * files: persona ids and identifiers (SNILS, INN) must be unique, or a lookup would depend on load order.
 */
import type { Persona } from './persona-schema.ts';
import { digitsOf, documentKey, nameBirthKey } from './identity-keys.ts';
import { agreesOnEveryField, compareMember } from './member-comparison.ts';
import { describeQuery, type MemberLookup, type MemberMatch, type MemberQuery, type NearMiss } from './member-query.ts';

/** Where a problem was found: the file (or "request body"), the JSON path inside it, and what is wrong. */
export interface PersonaIssue {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** A persona together with the file it came from, so cross-file problems can name both files. */
export interface SourcedPersona {
  readonly persona: Persona;
  readonly file: string;
  readonly index: number;
}

const NEAR_MISS_LIMIT = 3;
/** Distinct queries whose lookups an index remembers; beyond it the oldest is forgotten. */
const LOOKUP_MEMO_LIMIT = 4096;

export class PersonaIndex {
  readonly personas: readonly Persona[];
  readonly #bySnils = new Map<string, MemberMatch>();
  readonly #byInn = new Map<string, MemberMatch>();
  readonly #byNameBirth = new Map<string, MemberMatch[]>();
  readonly #byDocument = new Map<string, MemberMatch[]>();
  readonly #all: MemberMatch[] = [];
  /**
   * Lookups by query content. An index never changes after build (a reload builds a new one), so a lookup is a
   * pure function of the query: simulators under load ask for the same few people again and again, and name
   * folding and near-miss scoring were a fifth of a simulator's CPU per call.
   */
  readonly #lookups = new Map<string, MemberLookup>();

  private constructor(personas: readonly Persona[]) {
    this.personas = Object.freeze([...personas]);
  }

  /** Returns the index, or every cross-persona conflict found (never a partial index). */
  static build(sourced: readonly SourcedPersona[]): { index: PersonaIndex } | { issues: PersonaIssue[] } {
    const index = new PersonaIndex(sourced.map((s) => s.persona));
    const issues: PersonaIssue[] = [];
    const idsSeen = new Map<string, SourcedPersona>();
    const identifierOwner = new Map<string, string>();
    for (const entry of sourced) {
      const where = (suffix: string): string => (entry.index < 0 ? suffix : `[${entry.index}]${suffix ? '.' + suffix : ''}`);
      const earlier = idsSeen.get(entry.persona.id);
      if (earlier) issues.push({ file: entry.file, path: where('id'), message: `persona id "${entry.persona.id}" is also defined in ${earlier.file}` });
      idsSeen.set(entry.persona.id, entry);
      entry.persona.members.forEach((member, m) => {
        const hit: MemberMatch = { persona: entry.persona, member };
        const label = `${entry.persona.id}/${member.key}`;
        for (const [kind, value, map] of [
          ['snils', member.person.snils, index.#bySnils],
          ['inn', member.person.inn, index.#byInn],
        ] as const) {
          if (value === undefined) continue;
          const key = `${kind}:${digitsOf(value)}`;
          const owner = identifierOwner.get(key);
          if (owner !== undefined) issues.push({ file: entry.file, path: where(`members.${m}.person.${kind}`), message: `${kind} ${value} is also used by ${owner}` });
          identifierOwner.set(key, label);
          map.set(digitsOf(value), hit);
        }
        const p = member.person;
        pushTo(index.#byNameBirth, nameBirthKey(p.name.family, p.name.first, p.birthDate), hit);
        for (const d of p.documents) pushTo(index.#byDocument, documentKey(d.series, d.number), hit);
        index.#all.push(hit);
      });
    }
    return issues.length > 0 ? { issues } : { index };
  }

  get memberCount(): number {
    return this.#all.length;
  }

  persona(id: string): Persona | undefined {
    return this.personas.find((p) => p.id === id);
  }

  /**
   * A member matches when an identifier the query names finds it and every other named field agrees. Otherwise the
   * closest members are returned with what differed, the way WireMock reports near misses.
   */
  find(query: MemberQuery): MemberLookup {
    const key = JSON.stringify(query);
    const known = this.#lookups.get(key);
    if (known !== undefined) return known;
    const lookup = Object.freeze(this.#lookup(query));
    if (this.#lookups.size >= LOOKUP_MEMO_LIMIT) this.#lookups.delete(this.#lookups.keys().next().value as string);
    this.#lookups.set(key, lookup);
    return lookup;
  }

  #lookup(query: MemberQuery): MemberLookup {
    for (const candidate of this.#candidates(query)) {
      if (agreesOnEveryField(compareMember(query, candidate.member))) return { match: candidate };
    }
    const nearMisses = this.#nearMisses(query);
    return { nearMisses: Object.freeze(nearMisses), explanation: explainNoMatch(query, nearMisses) };
  }

  #candidates(query: MemberQuery): MemberMatch[] {
    const found: MemberMatch[] = [];
    const add = (hit: MemberMatch | undefined): void => {
      if (hit !== undefined && !found.includes(hit)) found.push(hit);
    };
    if (query.snils !== undefined) add(this.#bySnils.get(digitsOf(query.snils)));
    if (query.inn !== undefined) add(this.#byInn.get(digitsOf(query.inn)));
    if (query.name !== undefined && query.birthDate !== undefined) {
      this.#byNameBirth.get(nameBirthKey(query.name.family, query.name.first, query.birthDate))?.forEach(add);
    }
    if (query.document !== undefined) this.#byDocument.get(documentKey(query.document.series, query.document.number))?.forEach(add);
    return found;
  }

  #nearMisses(query: MemberQuery): NearMiss[] {
    const scored: NearMiss[] = [];
    for (const { persona, member } of this.#all) {
      const comparison = compareMember(query, member);
      if (comparison.fieldsCompared === 0 || comparison.score === 0) continue;
      scored.push({ personaId: persona.id, memberKey: member.key, score: comparison.score, differences: comparison.differences });
    }
    // Ties keep fixture order (Array.prototype.sort is stable), so explanations are deterministic.
    return scored.sort((a, b) => b.score - a.score).slice(0, NEAR_MISS_LIMIT);
  }
}

function pushTo(map: Map<string, MemberMatch[]>, key: string, hit: MemberMatch): void {
  const list = map.get(key);
  if (list) list.push(hit);
  else map.set(key, [hit]);
}

/** "snils 112-233-445 95 matched no member; closest: family/mother: birth date differs (…)". */
export function explainNoMatch(query: MemberQuery, nearMisses: readonly NearMiss[]): string {
  const head = `${describeQuery(query)} matched no member`;
  if (nearMisses.length === 0) return `${head}; no member is close`;
  const closest = nearMisses.map((n) => `${n.personaId}/${n.memberKey}: ${n.differences.join('; ')}`).join(' | ');
  return `${head}; closest: ${closest}`;
}

