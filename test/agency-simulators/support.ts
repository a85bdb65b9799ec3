/**
 * Shared set-up for the agency simulator tests: the fixture personas (checked with personaSchema), a persona store
 * that matches members exactly as the runtime will, one call helper that runs subjectOf → store → answer and
 * checks the answer against the contract's XSD, and small namespace-aware DOM reads of the answer.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadXsdValidator } from '../../core/contracts/index.ts';
import { descendantElements, firstChildNamed, isNamed, parseXml, textOf } from '../../core/xml/index.ts';
import { PersonaStore, isMemberMatch, personaFileSchema, type MemberMatch, type MemberQuery, type Persona } from '../../simulators/engine/index.ts';
import type { AgencySimulator } from '../../simulators/runtime/agency-simulator.ts';

const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const NOW = new Date('2026-03-01T09:00:00Z');

export function fixturePersonas(): Persona[] {
  return ['family-sidorova.json', 'single-kuznetsov.json'].flatMap((file) => {
    const parsed = personaFileSchema.parse(JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')));
    return Array.isArray(parsed) ? parsed : [parsed];
  });
}

export function fixtureStore(): PersonaStore {
  const store = new PersonaStore();
  const outcome = store.replace(fixturePersonas(), 'agency-simulator fixtures');
  if (!outcome.ok) throw new Error(`fixture personas refused: ${JSON.stringify(outcome.issues)}`);
  return store;
}

export interface Answered {
  readonly query: MemberQuery;
  readonly match: MemberMatch | undefined;
  readonly xml: string;
  readonly root: Element;
}

/** One call the way the runtime makes it; the request and the answer must both be XSD-valid. */
export function ask(simulator: AgencySimulator, operation: string, requestXml: string, store = fixtureStore()): Answered {
  const validator = loadXsdValidator(simulator.contract.files.xsdPath);
  expect(validator.validate(requestXml), 'the test request itself is XSD-valid').toEqual({ valid: true });
  const context = { operation, request: parseXml(requestXml).documentElement, now: NOW };
  const query = simulator.subjectOf(context);
  const lookup = store.findMember(query);
  const match = isMemberMatch(lookup) ? lookup.match : undefined;
  const xml = simulator.answer(context, match);
  expectValid(simulator, xml);
  return { query, match, xml, root: parseXml(xml).documentElement };
}

export function expectValid(simulator: AgencySimulator, xml: string): void {
  expect(loadXsdValidator(simulator.contract.files.xsdPath).validate(xml)).toEqual({ valid: true });
}

/** Every element with this local name in the contract namespace, in document order. */
export function all(root: Element, namespace: string, localName: string): Element[] {
  return descendantElements(root).filter((el) => isNamed(el, namespace, localName));
}

/** Text of every such element. */
export function texts(root: Element, namespace: string, localName: string): string[] {
  return all(root, namespace, localName).map((el) => textOf(el));
}

/** Text of a direct child, or undefined. */
export function child(parent: Element, namespace: string, localName: string): string | undefined {
  const el = firstChildNamed(parent, namespace, localName);
  return el === undefined ? undefined : textOf(el);
}

/** A direct child's children as { localName: text }, for compact comparisons of flat records. */
export function record(parent: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) out[(node as Element).localName] = textOf(node as Element);
  }
  return out;
}

export const MOTHER_NAME = '<Person><FamilyName>Сидорова</FamilyName><FirstName>Алёна</FirstName><Patronymic>Игоревна</Patronymic></Person>';
export const SON_NAME = '<Person><FamilyName>Сидоров</FamilyName><FirstName>Пётр</FirstName><Patronymic>Олегович</Patronymic></Person>';
export const NOBODY_NAME = '<Person><FamilyName>Никтоев</FamilyName><FirstName>Никто</FirstName></Person>';
