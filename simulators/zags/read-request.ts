/**
 * @module simulators/zags/read-request
 * Birth requests name the child or a parent; death requests name the deceased. Either may narrow the answer to
 * one act record (number and date).
 */
import { zagsContract } from '../../core/contracts/index.ts';
import { KitError } from '../../core/errors/index.ts';
import type { MemberQuery } from '../engine/index.ts';
import { expectRoot, memberQuery, optionalChild, optionalText, readPersonName, requiredChild, requiredText, type PersonName } from '../xml-writing/read-payload.ts';

const NS = zagsContract.namespace;

/** How the register knows a person: a name always, birth date and SNILS when recorded. */
export interface PersonIdentifiers {
  readonly name: PersonName;
  readonly birthDate?: string | undefined;
  readonly snils?: string | undefined;
}

export interface ActFilter {
  readonly number: string;
  readonly date: string;
}

export type ZagsRequest =
  | { readonly kind: 'birth'; readonly requestId?: string; readonly role: 'child' | 'parent'; readonly person: PersonIdentifiers; readonly act?: ActFilter }
  | { readonly kind: 'death'; readonly requestId?: string; readonly person: PersonIdentifiers; readonly act?: ActFilter };

function readIdentifiers(element: Element): PersonIdentifiers {
  const birthDate = optionalText(element, NS, 'BirthDate');
  const snils = optionalText(element, NS, 'Snils');
  return { name: readPersonName(requiredChild(element, NS, 'Person'), NS), ...(birthDate === undefined ? {} : { birthDate }), ...(snils === undefined ? {} : { snils }) };
}

function readAct(root: Element): { act?: ActFilter } {
  const act = optionalChild(root, NS, 'Act');
  return act === undefined ? {} : { act: { number: requiredText(act, NS, 'Number'), date: requiredText(act, NS, 'Date') } };
}

export function readZagsRequest(operation: string, request: Element): ZagsRequest {
  const requestId = optionalText(request, NS, 'RequestId');
  const id = requestId === undefined ? {} : { requestId };
  if (operation === 'GetBirthRecords') {
    const root = expectRoot(request, NS, 'BirthRecordsRequest');
    const child = optionalChild(root, NS, 'Child');
    const role = child === undefined ? 'parent' : 'child';
    return { kind: 'birth', ...id, role, person: readIdentifiers(child ?? requiredChild(root, NS, 'Parent')), ...readAct(root) };
  }
  if (operation === 'GetDeathRecords') {
    const root = expectRoot(request, NS, 'DeathRecordsRequest');
    // The deceased's identifiers sit directly in the root (same element names as PersonIdentifiersType).
    return { kind: 'death', ...id, person: readIdentifiers(root), ...readAct(root) };
  }
  throw new KitError('ERR_INTERNAL', `ZAGS has no operation "${operation}"`);
}

/** The request's person as the persona store searches for members. */
export function queryOf(person: PersonIdentifiers): MemberQuery {
  return memberQuery({ snils: person.snils, name: person.name, birthDate: person.birthDate });
}
