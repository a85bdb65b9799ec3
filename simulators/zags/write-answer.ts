/**
 * @module simulators/zags/write-answer
 * BirthRecordsResponse and DeathRecordsResponse from the act records found in the matched household.
 */
import { zagsContract } from '../../core/contracts/index.ts';
import type { HouseholdMember, MemberMatch } from '../engine/index.ts';
import { genderCode, requirePattern } from '../xml-writing/contract-values.ts';
import { element, leaf, payloadRoot } from '../xml-writing/write-xml.ts';
import { findBirths, findDeaths, type BirthRecord, type DeathRecord, type Found } from './find-records.ts';
import { isSamePerson, type RecordedPerson } from './person-match.ts';
import type { ZagsRequest } from './read-request.ts';

const NS = zagsContract.namespace;
const ACT_NUMBER = /^\d{1,22}$/;
const OFFICE_CODE = /^[0-9A-Z]{1,10}$/;
/**
 * The contract requires a registry-office code on every record; the persona format has one for births but not for
 * deaths. This placeholder fits the code's pattern and says plainly that the code is not on file (a contract gap).
 */
function personName(name: RecordedPerson['name']): string {
  return element('Person', leaf('FamilyName', name.family), leaf('FirstName', name.first), leaf('Patronymic', name.patronymic));
}

function identifiers(tag: string, person: RecordedPerson | undefined): string | undefined {
  if (person === undefined) return undefined;
  return element(tag, personName(person.name), leaf('BirthDate', person.birthDate), leaf('Snils', person.snils));
}

function act(record: { actNumber: string; actDate: string }, where: string): string {
  return element('Act', leaf('Number', requirePattern(record.actNumber, ACT_NUMBER, `${where}.actNumber`, 'act number (1–22 digits)')), leaf('Date', record.actDate));
}

function office(name: string, code: string | undefined, regionCode: string, where: string): string {
  return element('RegistryOffice', leaf('Name', name), leaf('Code', code === undefined ? undefined : requirePattern(code, OFFICE_CODE, `${where}.registryOfficeCode`, 'registry office code')), leaf('RegionCode', regionCode));
}

/** Gender is not part of an act record in the fixture format; a person who is also a household member has one. */
function genderOf(person: RecordedPerson, household: readonly HouseholdMember[]): 'M' | 'F' | undefined {
  const member = household.find((m) => isSamePerson({ name: m.person.name, birthDate: m.person.birthDate, snils: m.person.snils }, person, { requireStrongKey: true }));
  return member === undefined ? undefined : genderCode(member.person.gender);
}

function whereOf(match: MemberMatch, found: Found<unknown>, list: 'births' | 'deaths'): string {
  return `${match.persona.id}/${found.holder.key}.agencies.zags.${list}`;
}

function writeBirth(found: Found<BirthRecord>, match: MemberMatch): string {
  const { record } = found;
  const where = whereOf(match, found, 'births');
  return element(
    'Birth',
    act(record, where),
    office(record.registryOffice, record.registryOfficeCode, record.regionCode, where),
    element(
      'Child',
      personName(record.child.name),
      leaf('BirthDate', record.child.birthDate),
      leaf('Gender', genderOf(record.child, match.persona.members)),
      leaf('Snils', record.child.snils),
    ),
    identifiers('Mother', record.mother),
    identifiers('Father', record.father),
  );
}

function writeDeath(found: Found<DeathRecord>, match: MemberMatch): string {
  const { record } = found;
  const where = whereOf(match, found, 'deaths');
  return element(
    'Death',
    act(record, where),
    office(record.registryOffice, record.registryOfficeCode, record.regionCode, where),
    element(
      'Deceased',
      personName(record.person.name),
      leaf('BirthDate', record.person.birthDate),
      leaf('Gender', genderOf(record.person, match.persona.members)),
      leaf('Snils', record.person.snils),
    ),
    leaf('DeathDate', record.deathDate),
  );
}

export function writeZagsAnswer(request: ZagsRequest, match: MemberMatch | undefined): string {
  const rootName = request.kind === 'birth' ? 'BirthRecordsResponse' : 'DeathRecordsResponse';
  // Inside one household a name is enough to recognise a family member's record (see person-match.ts).
  const rule = { requireStrongKey: false };
  const records =
    match === undefined
      ? []
      : request.kind === 'birth'
        ? findBirths(match.persona, request, rule).map((found) => writeBirth(found, match))
        : findDeaths(match.persona, request, rule).map((found) => writeDeath(found, match));
  if (records.length === 0) {
    const message = request.kind === 'birth' ? 'Записи акта о рождении не найдены' : 'Записи акта о смерти не найдены';
    return payloadRoot(rootName, NS, leaf('RequestId', request.requestId), element('NotFound', leaf('Message', message)));
  }
  return payloadRoot(rootName, NS, leaf('RequestId', request.requestId), element(request.kind === 'birth' ? 'Births' : 'Deaths', records));
}
