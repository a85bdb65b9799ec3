import {
  type AssignedBenefitFactData,
  type GroupFact,
  type PartialFacts,
  type PensionFactData,
} from '../../core/facts/index.ts';
import { AnswerProblem, elementPath, type NormalizeContext, type PayloadReader } from '../xml/index.ts';

/**
 * PensionsAndPaymentsResponse/Payments → pension facts. Amount is per month for MONTHLY payments; a ONE_OFF
 * payment becomes a fact whose period is its single day, so summing "amount per month of the period" over months
 * counts it exactly once. An open end ("still paid at the end of the requested period") becomes the end of the
 * requested period from the provenance context, or the day the answer arrived when the context does not say.
 */
export function normalizePensionsAndPayments(root: Element, read: PayloadReader, ctx: NormalizeContext): PartialFacts<'pensions'> {
  const payments = read.children(read.child(root, 'Payments'), 'Payment', 1);
  const pensions = payments.map((payment): GroupFact<'pensions'> => {
    const from = read.date(payment, 'From');
    const periodicity = read.oneOf(payment, 'Periodicity', ['MONTHLY', 'ONE_OFF'] as const);
    const sentTo = read.optionalDate(payment, 'To');
    const to = periodicity === 'ONE_OFF' ? from : (sentTo ?? openEnd(from, ctx));
    if (to < from) throw new AnswerProblem(elementPath(payment), `ends (${to}) before it starts (${from})`);
    const data: PensionFactData = {
      kind: read.text(payment, 'KindCode'),
      kindName: read.text(payment, 'KindName'),
      monthlyAmountKopecks: read.kopecks(payment, 'Amount'),
      period: { from, to },
    };
    return { data, provenance: ctx.provenance };
  });
  return { pensions };
}

function openEnd(from: string, ctx: NormalizeContext): string {
  const requestedEnd = ctx.context.request.period?.to ?? ctx.receivedOn;
  // A payment that starts after the requested period (the agency's mistake) still gets a non-negative period.
  return requestedEnd < from ? from : requestedEnd;
}

const FORM_BY_CODE = {
  MONETARY: 'monetary',
  NATURAL: 'natural',
  EXEMPTION: 'exemption',
  SERVICE: 'service',
} as const satisfies Record<string, AssignedBenefitFactData['form']>;
const FORM_CODES = Object.keys(FORM_BY_CODE) as (keyof typeof FORM_BY_CODE)[];

/** AssignedBenefitsResponse/Benefits → assigned-benefit facts; a MONETARY benefit must carry its Amount. */
export function normalizeAssignedBenefits(root: Element, read: PayloadReader, ctx: NormalizeContext): PartialFacts<'assignedBenefits'> {
  const benefits = read.children(read.child(root, 'Benefits'), 'Benefit', 1);
  const assignedBenefits = benefits.map((benefit): GroupFact<'assignedBenefits'> => {
    const form = FORM_BY_CODE[read.oneOf(benefit, 'Form', FORM_CODES)];
    const amountKopecks = read.optionalKopecks(benefit, 'Amount');
    if (form === 'monetary' && amountKopecks === undefined) {
      throw new AnswerProblem(`${elementPath(benefit)}/Amount`, 'a MONETARY benefit must state its amount');
    }
    const start = read.date(benefit, 'StartDate');
    const end = read.optionalDate(benefit, 'EndDate');
    if (end !== undefined && end < start) throw new AnswerProblem(elementPath(benefit), `EndDate ${end} is before StartDate ${start}`);
    const data: AssignedBenefitFactData = {
      measureCode: read.text(benefit, 'MeasureCode'),
      measureName: read.text(benefit, 'MeasureName'),
      categoryCode: read.text(benefit, 'CategoryCode'),
      decisionDate: read.date(benefit, 'DecisionDate'),
      start,
      ...(end === undefined ? {} : { end }),
      form,
      ...(amountKopecks === undefined ? {} : { amountKopecks }),
    };
    return { data, provenance: ctx.provenance };
  });
  return { assignedBenefits };
}
