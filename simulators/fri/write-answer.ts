/**
 * @module simulators/fri/write-answer
 * DisabilityResponse: the extract of a disability in force on the requested date, or NotRegistered. The registry
 * answers with what is current ("АктуальныеСведенияОбИнвалидности"), so a disability that had ended by that date,
 * or not yet begun, is NotRegistered too; the message says which case it was.
 */
import { friContract } from '../../core/contracts/index.ts';
import type { MemberMatch, PersonaAgencies } from '../engine/index.ts';
import { genderCode, requirePattern } from '../xml-writing/contract-values.ts';
import { element, leaf, payloadRoot } from '../xml-writing/write-xml.ts';
import type { DisabilityRequest } from './read-request.ts';

const NS = friContract.namespace;
const CAUSE_CODE = /^\d{1,3}$/;
const DOCUMENT_NUMBER = /^[0-9A-Za-zА-Яа-яЁё\-/.]{1,30}$/;

type Disability = NonNullable<NonNullable<PersonaAgencies['fri']>['disability']>;

/** The registry's group codes: groups 1–3 as they are, a disabled child is group 4 (7 "not established" is never sent: no record is NotRegistered). */
export function groupCode(group: Disability['group']): '1' | '2' | '3' | '4' {
  return group === 'child' ? '4' : group;
}

function notRegistered(request: DisabilityRequest, message: string): string {
  return payloadRoot('DisabilityResponse', NS, leaf('RequestId', request.requestId), element('NotRegistered', leaf('Snils', request.snils), leaf('Message', message)));
}

export function writeDisabilityAnswer(request: DisabilityRequest, match: MemberMatch | undefined): string {
  const disability = match?.member.agencies.fri?.disability;
  if (match === undefined || disability === undefined) return notRegistered(request, 'Сведения об инвалидности в реестре отсутствуют');
  // The extract is what the registry knew on OnDate: a disability established later is not known yet, but one that
  // has already ended is still on record, with its end date, so the client can tell "expired" from "never".
  if (disability.since > request.onDate) {
    return notRegistered(request, `Инвалидность на ${request.onDate} не установлена (установлена с ${disability.since})`);
  }
  const where = `${match.persona.id}/${match.member.key}.agencies.fri.disability`;
  const person = match.member.person;
  // The registry sends the MSE certificate when it has one on file; series and number travel together.
  const { certificateSeries, certificateNumber } = disability;
  const hasCertificate = certificateSeries !== undefined && certificateNumber !== undefined;
  return payloadRoot(
    'DisabilityResponse',
    NS,
    leaf('RequestId', request.requestId),
    element(
      'DisabilityExtract',
      // The registry's own SNILS on file wins; a matched member without one was matched by the request's SNILS.
      leaf('Snils', person.snils ?? request.snils),
      element('Person', leaf('FamilyName', person.name.family), leaf('FirstName', person.name.first), leaf('Patronymic', person.name.patronymic)),
      leaf('BirthDate', person.birthDate),
      leaf('Gender', genderCode(person.gender)),
      leaf('Group', groupCode(disability.group)),
      leaf('Since', disability.since),
      leaf('Until', disability.until),
      leaf('ReexaminationDate', disability.reexaminationOn),
      leaf('CauseCode', requirePattern(disability.causeCode, CAUSE_CODE, `${where}.causeCode`, 'CauseCode (1–3 digits)')),
      leaf('CauseName', disability.causeName),
      element(
        'MseAct',
        leaf('Number', requirePattern(disability.mseActNumber, DOCUMENT_NUMBER, `${where}.mseActNumber`, 'DocumentNumberType')),
        leaf('Date', disability.mseActDate),
      ),
      hasCertificate
        ? element(
            'Certificate',
            leaf('Series', requirePattern(certificateSeries, DOCUMENT_NUMBER, `${where}.certificateSeries`, 'DocumentNumberType')),
            leaf('Number', requirePattern(certificateNumber, DOCUMENT_NUMBER, `${where}.certificateNumber`, 'DocumentNumberType')),
          )
        : undefined,
    ),
  );
}
