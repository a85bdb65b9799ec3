/**
 * Oracle for the housing and utilities system. The request names a house (FIAS GUID and/or address) and months;
 * the answer lists the applicant's accounts in that house that have accruals or payments in those months, one
 * month statement per such month. Fixture → facts:
 * - service codes as the contract spells them (the fixture's SEWERAGE is the contract's WASTEWATER); maintenance
 *   and capital repair are the "housing" part, everything supplied is "utility";
 * - units to OKEI codes (м² 055, м³ 113, кВт·ч 245, Гкал 233, чел. 792);
 * - the contract carries only "paid in month M" (not the payment day), so a month's payments become one payment
 *   of their exact sum dated the last day of M; a month with nothing paid has no payment;
 * - the debt is the account's current state, reported over the months the answer covers (0.00 = no debt);
 * - area: the living area, in hundredths of m².
 */
import type { DatePeriod } from '../../../core/facts/index.ts';
import type { HouseholdMember } from '../personas.ts';
import { facts, hundredths, kopecks, lastDayOfMonth, optional, type Expected, type ExpectedData } from './common.ts';

type Housing = ExpectedData<'housing'>;

const HOUSING_SERVICES = new Set(['MAINTENANCE', 'CAPITAL_REPAIR']);
const OKEI: Readonly<Record<string, string>> = { 'м²': '055', 'м³': '113', 'кВт·ч': '245', 'Гкал': '233', 'чел.': '792' };

export interface House {
  readonly fiasHouseGuid?: string;
  readonly address?: string;
}

function inHouse(account: { address: string; fiasHouseGuid?: string | undefined }, house: House): boolean {
  if (house.fiasHouseGuid !== undefined && account.fiasHouseGuid !== undefined) return house.fiasHouseGuid.toLowerCase() === account.fiasHouseGuid.toLowerCase();
  return house.address !== undefined && account.address.startsWith(house.address);
}

export function expectedHousing(member: HouseholdMember, house: House, period: DatePeriod): Expected<'housing'> {
  const from = period.from.slice(0, 7);
  const to = period.to.slice(0, 7);
  const accounts: Housing[] = [];
  for (const account of member.agencies?.['gis-zhkh']?.accounts ?? []) {
    if (!inHouse(account, house)) continue;
    const accruals = account.accruals ?? [];
    const payments = account.payments ?? [];
    const months = [...new Set([...accruals.map((a) => a.month), ...payments.map((p) => p.month)])].filter((m) => m >= from && m <= to).sort();
    if (months.length === 0) continue;
    const debtKopecks = account.debt === undefined ? 0 : kopecks(account.debt.amount);
    accounts.push({
      accountId: account.accountId,
      address: account.address,
      ...optional('fiasGuid', account.fiasHouseGuid),
      livingAreaHundredthsM2: hundredths(account.livingArea),
      registeredPersons: account.registeredPersons,
      accruals: months.map((month) => ({
        month,
        services: accruals
          .filter((a) => a.month === month)
          .map((a) => ({
            serviceCode: a.serviceCode === 'SEWERAGE' ? 'WASTEWATER' : a.serviceCode,
            serviceKind: HOUSING_SERVICES.has(a.serviceCode) ? ('housing' as const) : ('utility' as const),
            amountKopecks: kopecks(a.amount),
            ...optional('tariffKopecks', a.tariff === undefined ? undefined : kopecks(a.tariff)),
            ...optional('norm', a.norm),
            ...optional('volume', a.volume),
            ...optional('unitOkei', a.unit === undefined ? undefined : OKEI[a.unit]),
          })),
      })),
      payments: months.flatMap((month) => {
        const paid = payments.filter((p) => p.month === month).reduce((sum, p) => sum + kopecks(p.amount), 0);
        return paid > 0 ? [{ date: lastDayOfMonth(month), month, amountKopecks: paid }] : [];
      }),
      debts: [{ period: { from: `${months[0]}-01`, to: lastDayOfMonth(months[months.length - 1]!) }, hasDebt: debtKopecks > 0, amountKopecks: debtKopecks }],
    });
  }
  return facts('housing', accounts);
}
