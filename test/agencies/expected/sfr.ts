/**
 * Oracle for the pension fund. Pensions/payments: every payment in force on at least one day of the requested
 * period, monthly amount in kopecks; a payment without an end is "still paid at the end of the requested period"
 * (sfr.xsd), so its fact period ends on the period's last day. Assigned benefits: the register's measures in force
 * in the report period, all monetary (the fixture format only has monthly amounts).
 */
import type { DatePeriod } from '../../../core/facts/index.ts';
import type { HouseholdMember } from '../personas.ts';
import { facts, kopecks, optional, overlaps, type Expected } from './common.ts';

export function expectedPensions(member: HouseholdMember, period: DatePeriod): Expected<'pensions'> {
  const payments = member.agencies?.sfr?.payments ?? [];
  return facts(
    'pensions',
    payments
      .filter((p) => overlaps(p, period))
      .map((p) => ({ kind: p.kindCode, kindName: p.kindName, monthlyAmountKopecks: kopecks(p.monthlyAmount), period: { from: p.from, to: p.to ?? period.to } })),
  );
}

export function expectedAssignedBenefits(member: HouseholdMember, period: DatePeriod): Expected<'assignedBenefits'> {
  const benefits = member.agencies?.sfr?.assignedBenefits ?? [];
  return facts(
    'assignedBenefits',
    benefits
      .filter((b) => overlaps(b, period))
      .map((b) => ({
        measureCode: b.measureCode,
        measureName: b.measureName,
        categoryCode: b.category ?? 'UNSPECIFIED',
        decisionDate: b.decisionDate,
        start: b.from,
        ...optional('end', b.to),
        form: 'monetary' as const,
        amountKopecks: kopecks(b.monthlyAmount),
      })),
  );
}
