/**
 * @module simulators/sfr/write-answer
 * PensionsAndPaymentsResponse and AssignedBenefitsResponse. Everything the persona says the fund pays is monthly
 * (the fixture format has monthly amounts only), so Periodicity is MONTHLY and benefits are of MONETARY form.
 * An empty result for the period is the fund's NotFound, not an empty list (the schema wants at least one item).
 */
import { sfrContract } from '../../core/contracts/index.ts';
import type { MemberMatch } from '../engine/index.ts';
import { requirePattern } from '../xml-writing/contract-values.ts';
import { contractMoneyText } from '../xml-writing/money.ts';
import { rangesOverlap } from '../xml-writing/periods.ts';
import { element, leaf, payloadRoot } from '../xml-writing/write-xml.ts';
import type { SfrRequest } from './read-request.ts';

const NS = sfrContract.namespace;
const CODE = /^[A-Z0-9][A-Z0-9_.\-]{0,39}$/;
/**
 * The register always has a category, the fixture format makes it optional and free text: a code-shaped category
 * goes out as CategoryCode; anything else goes out as CategoryName under this code (a contract gap, see report).
 */
export const UNSPECIFIED_CATEGORY = 'UNSPECIFIED';

function notFound(rootName: string, request: SfrRequest, message: string): string {
  return payloadRoot(rootName, NS, leaf('RequestId', request.requestId), element('NotFound', leaf('Message', message)));
}

function periodText(request: SfrRequest): string {
  return `${request.period.from}..${request.period.to}`;
}

export function writePaymentsAnswer(request: SfrRequest, match: MemberMatch | undefined): string {
  const root = 'PensionsAndPaymentsResponse';
  if (match === undefined) return notFound(root, request, 'Сведения о гражданине не найдены');
  const where = `${match.persona.id}/${match.member.key}.agencies.sfr.payments`;
  const payments = (match.member.agencies.sfr?.payments ?? [])
    .map((payment, index) => ({ payment, index }))
    .filter(({ payment }) => rangesOverlap(payment, request.period));
  if (payments.length === 0) return notFound(root, request, `Выплаты за период ${periodText(request)} не найдены`);
  return payloadRoot(
    root,
    NS,
    leaf('RequestId', request.requestId),
    element(
      'Payments',
      payments.map(({ payment, index }) =>
        element(
          'Payment',
          leaf('KindCode', requirePattern(payment.kindCode, CODE, `${where}[${index}].kindCode`, 'CodeType')),
          leaf('KindName', payment.kindName),
          leaf('Amount', contractMoneyText(payment.monthlyAmount, `${where}[${index}].monthlyAmount`)),
          leaf('Periodicity', 'MONTHLY'),
          leaf('From', payment.from),
          // A known end date is sent even when it lies after the period: the client learns when payment stops.
          leaf('To', payment.to),
        ),
      ),
    ),
  );
}

export function writeBenefitsAnswer(request: SfrRequest, match: MemberMatch | undefined): string {
  const root = 'AssignedBenefitsResponse';
  if (match === undefined) return notFound(root, request, 'Сведения о назначенных мерах не найдены');
  const where = `${match.persona.id}/${match.member.key}.agencies.sfr.assignedBenefits`;
  const benefits = (match.member.agencies.sfr?.assignedBenefits ?? [])
    .map((benefit, index) => ({ benefit, index }))
    .filter(({ benefit }) => rangesOverlap(benefit, request.period));
  if (benefits.length === 0) return notFound(root, request, `Назначенные меры за период ${periodText(request)} не найдены`);
  return payloadRoot(
    root,
    NS,
    leaf('RequestId', request.requestId),
    element(
      'Benefits',
      benefits.map(({ benefit, index }) => {
        const codeShaped = benefit.category !== undefined && CODE.test(benefit.category);
        return element(
          'Benefit',
          leaf('MeasureCode', requirePattern(benefit.measureCode, CODE, `${where}[${index}].measureCode`, 'CodeType')),
          leaf('MeasureName', benefit.measureName),
          leaf('CategoryCode', codeShaped ? benefit.category : UNSPECIFIED_CATEGORY),
          leaf('CategoryName', codeShaped ? undefined : benefit.category),
          leaf('DecisionDate', benefit.decisionDate),
          leaf('StartDate', benefit.from),
          leaf('EndDate', benefit.to),
          leaf('Form', 'MONETARY'),
          leaf('Amount', contractMoneyText(benefit.monthlyAmount, `${where}[${index}].monthlyAmount`)),
          leaf('Periodicity', 'MONTHLY'),
        );
      }),
    ),
  );
}

export function writeSfrAnswer(request: SfrRequest, match: MemberMatch | undefined): string {
  return request.operation === 'GetPensionsAndPayments' ? writePaymentsAnswer(request, match) : writeBenefitsAnswer(request, match);
}
