/**
 * @module simulators/xml-writing/read-payload
 * Reading helpers shared by the agencies' read-request.ts files (they sit beside the writer because both are the
 * simulators' own XML code, kept apart from adapters/). Requests reach a simulator already XSD-valid, so a
 * missing required element here means the runtime skipped validation: that is an internal error, not bad input.
 */
import { KitError } from '../../core/errors/index.ts';
import { firstChildNamed, isNamed, textOf } from '../../core/xml/index.ts';
import type { MemberQuery } from '../engine/index.ts';

export interface PersonName {
  readonly family: string;
  readonly first: string;
  readonly patronymic?: string;
}

export function expectRoot(request: Element, namespace: string, localName: string): Element {
  if (!isNamed(request, namespace, localName)) {
    throw new KitError('ERR_INTERNAL', `expected {${namespace}}${localName}, got {${request.namespaceURI ?? ''}}${request.localName}`);
  }
  return request;
}

export function optionalChild(parent: Element, namespace: string, localName: string): Element | undefined {
  return firstChildNamed(parent, namespace, localName);
}

export function requiredChild(parent: Element, namespace: string, localName: string): Element {
  const child = firstChildNamed(parent, namespace, localName);
  if (child === undefined) throw new KitError('ERR_INTERNAL', `${parent.localName} has no ${localName}; the request should have failed XSD validation`);
  return child;
}

/** Trimmed text of an optional child (whitespace around a value is formatting, not data). */
export function optionalText(parent: Element, namespace: string, localName: string): string | undefined {
  const child = firstChildNamed(parent, namespace, localName);
  return child === undefined ? undefined : textOf(child).trim();
}

export function requiredText(parent: Element, namespace: string, localName: string): string {
  return textOf(requiredChild(parent, namespace, localName)).trim();
}

/** A PersonNameType element (FamilyName, FirstName, Patronymic?), which every contract shares. */
export function readPersonName(element: Element, namespace: string): PersonName {
  const patronymic = optionalText(element, namespace, 'Patronymic');
  return {
    family: requiredText(element, namespace, 'FamilyName'),
    first: requiredText(element, namespace, 'FirstName'),
    ...(patronymic === undefined ? {} : { patronymic }),
  };
}

/** A MemberQuery without keys for absent fields, so the query reads cleanly in the journal. */
export function memberQuery(fields: {
  snils?: string | undefined;
  inn?: string | undefined;
  name?: PersonName | undefined;
  birthDate?: string | undefined;
  document?: { series?: string | undefined; number: string } | undefined;
}): MemberQuery {
  const query: { -readonly [K in keyof MemberQuery]: MemberQuery[K] } = {};
  if (fields.snils !== undefined) query.snils = fields.snils;
  if (fields.inn !== undefined) query.inn = fields.inn;
  if (fields.name !== undefined) query.name = { ...fields.name };
  if (fields.birthDate !== undefined) query.birthDate = fields.birthDate;
  if (fields.document !== undefined) {
    query.document = fields.document.series === undefined ? { number: fields.document.number } : { series: fields.document.series, number: fields.document.number };
  }
  return query;
}
