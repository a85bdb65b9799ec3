/**
 * @module simulators/gis-zhkh/write-answer
 * UtilityAccrualsResponse: per account in the requested house, one MonthStatement per month of the period that has
 * accruals or payments (accruals in fixture order, Paid = the month's payments summed exactly), then the debt.
 * Accounts with nothing in the period are left out; nothing left at all is NotFound.
 */
import { gisZhkhContract } from '../../core/contracts/index.ts';
import type { MemberMatch, PersonaAgencies } from '../engine/index.ts';
import { requirePattern } from '../xml-writing/contract-values.ts';
import { contractMoney, contractMoneyText, kopecksOf, sumKopecks } from '../xml-writing/money.ts';
import { element, leaf, payloadRoot } from '../xml-writing/write-xml.ts';
import { accountIsInHouse } from './house-match.ts';
import type { AccrualsRequest } from './read-request.ts';
import { serviceCodeOf, unitCodeOf } from './service-codes.ts';

const NS = gisZhkhContract.namespace;
const ACCOUNT_ID = /^[0-9A-Za-z\-]{1,30}$/;

type Account = NonNullable<PersonaAgencies['gis-zhkh']>['accounts'][number];

function notFound(request: AccrualsRequest, message: string): string {
  return payloadRoot('UtilityAccrualsResponse', NS, leaf('RequestId', request.requestId), element('NotFound', leaf('Message', message)));
}

function inMonths(month: string, months: AccrualsRequest['months']): boolean {
  return months.from <= month && month <= months.to;
}

function writeMonth(account: Account, month: string, where: string): string {
  const accruals = account.accruals.map((accrual, index) => ({ accrual, index })).filter(({ accrual }) => accrual.month === month);
  const paid = sumKopecks(
    account.payments.flatMap((payment, index) => (payment.month === month ? [kopecksOf(payment.amount, `${where}.payments[${index}].amount`)] : [])),
  );
  return element(
    'MonthStatement',
    leaf('Month', month),
    accruals.map(({ accrual, index }) => {
      const at = `${where}.accruals[${index}]`;
      return element(
        'Accrual',
        leaf('ServiceCode', serviceCodeOf(accrual.serviceCode)),
        leaf('Amount', contractMoneyText(accrual.amount, `${at}.amount`)),
        leaf('Tariff', accrual.tariff === undefined ? undefined : contractMoneyText(accrual.tariff, `${at}.tariff`)),
        leaf('Norm', accrual.norm),
        leaf('Volume', accrual.volume),
        leaf('Unit', accrual.unit === undefined ? undefined : unitCodeOf(accrual.unit, `${at}.unit`)),
      );
    }),
    leaf('Paid', contractMoney(paid, `${where} paid in ${month}`)),
  );
}

function writeAccount(account: Account, months: readonly string[], where: string): string {
  return element(
    'Account',
    leaf('AccountId', requirePattern(account.accountId, ACCOUNT_ID, `${where}.accountId`, 'AccountId pattern')),
    leaf('Address', account.address),
    leaf('FiasHouseGuid', account.fiasHouseGuid),
    leaf('TotalArea', account.totalArea),
    leaf('LivingArea', account.livingArea),
    leaf('RegisteredPersons', String(account.registeredPersons)),
    months.map((month) => writeMonth(account, month, where)),
    // The debt is the account's current state, not a sum over the period; none on file is the documented 0.00/0.
    element(
      'Debt',
      leaf('Amount', account.debt === undefined ? '0.00' : contractMoneyText(account.debt.amount, `${where}.debt.amount`)),
      leaf('MonthsOverdue', String(account.debt?.monthsOverdue ?? 0)),
    ),
  );
}

export function writeAccrualsAnswer(request: AccrualsRequest, match: MemberMatch | undefined): string {
  if (match === undefined) return notFound(request, 'Лицевые счета заявителя не найдены');
  const base = `${match.persona.id}/${match.member.key}.agencies.gis-zhkh.accounts`;
  const written = (match.member.agencies['gis-zhkh']?.accounts ?? []).flatMap((account, index) => {
    if (!accountIsInHouse(account, request.house)) return [];
    const months = [...new Set([...account.accruals.map((a) => a.month), ...account.payments.map((p) => p.month)])]
      .filter((month) => inMonths(month, request.months))
      .sort();
    return months.length === 0 ? [] : [writeAccount(account, months, `${base}[${index}]`)];
  });
  if (written.length === 0) return notFound(request, `Начисления за ${request.months.from}..${request.months.to} по дому не найдены`);
  return payloadRoot('UtilityAccrualsResponse', NS, leaf('RequestId', request.requestId), element('Accounts', written));
}
