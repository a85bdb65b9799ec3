/**
 * @module persona-store
 * The live persona set of one simulator process. Loads are all-or-nothing: a set with any problem is refused and
 * the last good set stays in place, with the problems kept for /__admin/health and /__admin/personas. With a
 * directory it can watch the disk and reload (debounced, because editors write a file in several steps).
 */
import { watch, type FSWatcher } from 'node:fs';
import type { Persona } from './persona-schema.ts';
import { PersonaIndex, type PersonaIssue, type SourcedPersona } from './persona-index.ts';
import { readPersonaDirectory, validatePersonaDocument } from './persona-files.ts';
import type { MemberLookup, MemberQuery } from './member-query.ts';

export interface PersonaStoreOptions {
  readonly directory?: string;
  /** Watch `directory` and reload on change. */
  readonly watch?: boolean;
  readonly debounceMs?: number;
  /** Called after every load attempt (initial, manual, or from the watcher); tests and logs hook in here. */
  readonly onLoad?: (outcome: PersonaLoadOutcome) => void;
}

export interface PersonaLoadOutcome {
  readonly ok: boolean;
  readonly source: 'directory' | 'replace';
  readonly personaCount: number;
  readonly issues: readonly PersonaIssue[];
  readonly at: Date;
}

export interface PersonaStoreStatus {
  readonly directory: string | undefined;
  readonly watching: boolean;
  readonly personaCount: number;
  readonly memberCount: number;
  readonly loadedAt: string | undefined;
  /** Problems of the most recent load attempt; empty when it succeeded. */
  readonly lastIssues: readonly PersonaIssue[];
}

const EMPTY_INDEX = (() => {
  const built = PersonaIndex.build([]);
  if ('issues' in built) throw new Error('unreachable: an empty persona set has no conflicts');
  return built.index;
})();

export class PersonaStore {
  readonly directory: string | undefined;
  #index: PersonaIndex = EMPTY_INDEX;
  #loadedAt: Date | undefined;
  #lastIssues: readonly PersonaIssue[] = [];
  #generation = 0;
  #watcher: FSWatcher | undefined;
  #timer: NodeJS.Timeout | undefined;
  readonly #debounceMs: number;
  readonly #onLoad: ((outcome: PersonaLoadOutcome) => void) | undefined;

  constructor(options: PersonaStoreOptions = {}) {
    this.directory = options.directory;
    this.#debounceMs = options.debounceMs ?? 150;
    this.#onLoad = options.onLoad;
    if (this.directory !== undefined) {
      this.reload();
      if (options.watch === true) this.#startWatching(this.directory);
    }
  }

  get personas(): readonly Persona[] {
    return this.#index.personas;
  }

  /**
   * Grows by one every time a new persona set is installed (a reload, a replace, the watcher). Whatever a caller
   * derives from the set (the runtime's memoized answers) is keyed by it, so a hot reload invalidates it.
   */
  get generation(): number {
    return this.#generation;
  }

  persona(id: string): Persona | undefined {
    return this.#index.persona(id);
  }

  findMember(query: MemberQuery): MemberLookup {
    return this.#index.find(query);
  }

  /** Re-reads the directory; on any problem the current set is kept and the problems are returned. */
  reload(): PersonaLoadOutcome {
    if (this.directory === undefined) {
      return this.#finish('directory', undefined, [{ file: '(none)', path: '(root)', message: 'this store has no persona directory to reload from' }]);
    }
    const read = readPersonaDirectory(this.directory);
    return this.#install('directory', read.personas, read.issues);
  }

  /** Replaces the set with personas given as data (an admin PUT, a test). Same all-or-nothing rule as reload. */
  replace(value: unknown, label = 'request body'): PersonaLoadOutcome {
    const validated = validatePersonaDocument(label, value);
    if ('issues' in validated) return this.#finish('replace', undefined, validated.issues);
    return this.#install('replace', validated.personas, []);
  }

  status(): PersonaStoreStatus {
    return {
      directory: this.directory,
      watching: this.#watcher !== undefined,
      personaCount: this.#index.personas.length,
      memberCount: this.#index.memberCount,
      loadedAt: this.#loadedAt?.toISOString(),
      lastIssues: this.#lastIssues,
    };
  }

  /** Stops watching; the loaded set stays usable. */
  close(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#watcher?.close();
    this.#watcher = undefined;
  }

  #install(source: PersonaLoadOutcome['source'], personas: readonly SourcedPersona[], issues: readonly PersonaIssue[]): PersonaLoadOutcome {
    if (issues.length > 0) return this.#finish(source, undefined, issues);
    const built = PersonaIndex.build(personas);
    if ('issues' in built) return this.#finish(source, undefined, built.issues);
    return this.#finish(source, built.index, []);
  }

  #finish(source: PersonaLoadOutcome['source'], index: PersonaIndex | undefined, issues: readonly PersonaIssue[]): PersonaLoadOutcome {
    const at = new Date();
    if (index !== undefined) {
      this.#index = index;
      this.#loadedAt = at;
      this.#generation += 1;
    }
    this.#lastIssues = Object.freeze([...issues]);
    const outcome: PersonaLoadOutcome = { ok: index !== undefined, source, personaCount: this.#index.personas.length, issues: this.#lastIssues, at };
    this.#onLoad?.(outcome);
    return outcome;
  }

  #startWatching(directory: string): void {
    this.#watcher = watch(directory, { persistent: false }, (_event, fileName) => {
      if (fileName !== null && !String(fileName).endsWith('.json')) return;
      if (this.#timer !== undefined) clearTimeout(this.#timer);
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        if (this.#watcher !== undefined) this.reload();
      }, this.#debounceMs);
    });
    // A deleted or unmounted directory must not crash the simulator; the last good set simply stays.
    this.#watcher.on('error', () => this.close());
  }
}
