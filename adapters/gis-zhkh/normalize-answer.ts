import type { MonthlyAccruals, PartialFacts, ServiceAccrual, UtilityPayment } from '../../core/facts/index.ts';
import { AnswerProblem, elementPath, type NormalizeContext, type PayloadReader } from '../xml/index.ts';

/**
 * Service codes → the model's service kind. "housing" is the charge for the dwelling itself (maintenance and
 * capital repair), the part the compensation caps by the area norm; everything supplied is "utility". OTHER is
 * counted as utility: uncapped is the reading that does not silently shrink a compensation.
 */
const SERVICE_KIND = {
  MAINTENANCE: 'housing',
  CAPITAL_REPAIR: 'housing',
  HOT_WATER: 'utility',
  COLD_WATER: 'utility',
  WASTEWATER: 'utility',
  HEATING: 'utility',
  ELECTRICITY: 'utility',
  GAS: 'utility',
  WASTE: 'utility',
  OTHER: 'utility',
} as const satisfies Record<string, ServiceAccrual['serviceKind']>;
const SERVICE_CODES = Object.keys(SERVICE_KIND) as (keyof typeof SERVICE_KIND)[];

/** Contract units → OKEI codes. ACCOUNT ("per account") has no OKEI unit, so it is left out. */
const OKEI_BY_UNIT: Readonly<Record<string, string | undefined>> = {
  M2: '055',
  M3: '113',
  KWH: '245',
  GCAL: '233',
  PERSON: '792',
  ACCOUNT: undefined,
};
const UNITS = Object.keys(OKEI_BY_UNIT);

/**
 * UtilityAccrualsResponse/Accounts → one housing fact per account. Area: LivingArea when sent, else TotalArea
 * (the social norms the rules apply, 33/42/18 m², are norms of total area, so it is the right fallback).
 * A month's Paid becomes a payment dated the month's last day (the contract says only which month it paid);
 * a zero Paid is no payment. Debt is reported for the months the answer covers.
 */
export function normalizeUtilityAccruals(root: Element, read: PayloadReader, ctx: NormalizeContext): PartialFacts<'housing'> {
  const accounts = read.children(read.child(root, 'Accounts'), 'Account', 1);
  const housing = accounts.map((account) => {
    const statements = read.children(account, 'MonthStatement', 1);
    const accruals: MonthlyAccruals[] = [];
    const payments: UtilityPayment[] = [];
    for (const statement of statements) {
      const month = read.month(statement, 'Month');
      accruals.push({ month, services: read.children(statement, 'Accrual').map((accrual) => serviceAccrual(accrual, read)) });
      const paid = read.kopecks(statement, 'Paid');
      if (paid > 0) payments.push({ date: lastDayOf(month), month, amountKopecks: paid });
    }
    const months = accruals.map((entry) => entry.month).sort();
    const debt = read.child(account, 'Debt');
    const debtKopecks = read.kopecks(debt, 'Amount');
    read.count(debt, 'MonthsOverdue');
    const fiasGuid = read.optionalGuid(account, 'PremisesGuid') ?? read.optionalGuid(account, 'FiasHouseGuid');
    const data = {
      accountId: read.text(account, 'AccountId'),
      address: read.text(account, 'Address'),
      ...(fiasGuid === undefined ? {} : { fiasGuid }),
      livingAreaHundredthsM2: read.optionalArea(account, 'LivingArea') ?? read.area(account, 'TotalArea'),
      registeredPersons: read.count(account, 'RegisteredPersons'),
      accruals,
      payments,
      debts: [
        {
          period: { from: `${months[0] ?? ''}-01`, to: lastDayOf(months[months.length - 1] ?? '') },
          hasDebt: debtKopecks > 0,
          amountKopecks: debtKopecks,
        },
      ],
    };
    assertDistinctMonths(account, months);
    return { data, provenance: ctx.provenance };
  });
  return { housing };
}

function serviceAccrual(accrual: Element, read: PayloadReader): ServiceAccrual {
  const serviceCode = read.oneOf(accrual, 'ServiceCode', SERVICE_CODES);
  const serviceName = read.optionalText(accrual, 'ServiceName');
  const tariffKopecks = read.optionalWholeKopecks(accrual, 'Tariff');
  const norm = read.optionalQuantity(accrual, 'Norm');
  const volume = read.optionalQuantity(accrual, 'Volume');
  const unit = read.optionalChild(accrual, 'Unit') ? read.oneOf(accrual, 'Unit', UNITS) : undefined;
  const unitOkei = unit === undefined ? undefined : OKEI_BY_UNIT[unit];
  return {
    serviceCode,
    ...(serviceName === undefined ? {} : { serviceName }),
    serviceKind: SERVICE_KIND[serviceCode],
    amountKopecks: read.kopecks(accrual, 'Amount'),
    ...(tariffKopecks === undefined ? {} : { tariffKopecks }),
    ...(norm === undefined ? {} : { norm }),
    ...(volume === undefined ? {} : { volume }),
    ...(unitOkei === undefined ? {} : { unitOkei }),
  };
}

function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  // Day 0 of the next month is the last day of this one; UTC keeps time zones out of it.
  const day = new Date(Date.UTC(year ?? 0, monthNumber ?? 0, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** Two statements for one month would be double-counted by every sum downstream. */
function assertDistinctMonths(account: Element, months: readonly string[]): void {
  for (let i = 1; i < months.length; i++) {
    if (months[i] === months[i - 1]) throw new AnswerProblem(elementPath(account), `two MonthStatements for ${months[i]}`);
  }
}
