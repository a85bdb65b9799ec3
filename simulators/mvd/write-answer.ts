/**
 * @module simulators/mvd/write-answer
 * RegistrationResponse: the person's permanent and temporary registrations (those valid on OnDate when the
 * request names one), or NotFoundRegistration.
 */
import { mvdContract } from '../../core/contracts/index.ts';
import type { MemberMatch } from '../engine/index.ts';
import { rangeContains } from '../xml-writing/periods.ts';
import { element, leaf, payloadRoot } from '../xml-writing/write-xml.ts';
import type { RegistrationRequest } from './read-request.ts';

const NS = mvdContract.namespace;

function notFound(request: RegistrationRequest, message: string): string {
  return payloadRoot('RegistrationResponse', NS, leaf('RequestId', request.requestId), element('NotFoundRegistration', leaf('Message', message)));
}

export function writeRegistrationAnswer(request: RegistrationRequest, match: MemberMatch | undefined): string {
  if (match === undefined) return notFound(request, 'Сведения о регистрации не найдены');
  const onDate = request.onDate;
  const registrations = (match.member.agencies.mvd?.registrations ?? []).filter((r) => onDate === undefined || rangeContains(r, onDate));
  if (registrations.length === 0) {
    return notFound(request, onDate === undefined ? 'Сведения о регистрации не найдены' : `Регистрация на ${onDate} не найдена`);
  }
  return payloadRoot(
    'RegistrationResponse',
    NS,
    leaf('RequestId', request.requestId),
    element(
      'Registrations',
      registrations.map((registration) =>
        element(
          'Registration',
          leaf('Kind', registration.kind),
          leaf('FullAddress', registration.address),
          leaf('RegionCode', registration.regionCode),
          leaf('FiasGuid', registration.fiasGuid),
          leaf('From', registration.from),
          leaf('To', registration.to),
        ),
      ),
    ),
  );
}
