import { describe, expect, it } from 'vitest';
import { gisZhkhContract } from '../../core/contracts/index.ts';
import { gisZhkhSimulator } from '../../simulators/gis-zhkh/index.ts';
import { all, ask, child, MOTHER_NAME, NOBODY_NAME, record } from './support.ts';

const NS = gisZhkhContract.namespace;
const HOUSE_GUID = '<FiasHouseGuid>5f1c8b7e-2d3a-4c6b-9e8f-0a1b2c3d4e5f</FiasHouseGuid>';
const request = (options: { snils?: string; name?: string; house?: string; from?: string; to?: string } = {}): string =>
  `<UtilityAccrualsRequest xmlns="${NS}"><RequestId>gis-1</RequestId><Applicant><Snils>${options.snils ?? '201-202-203 04'}</Snils>${options.name ?? MOTHER_NAME}` +
  `<IdentityDocument><DocumentCode>21</DocumentCode><Series>6710</Series><Number>123456</Number></IdentityDocument></Applicant>` +
  `<House>${options.house ?? HOUSE_GUID}</House><Period><From>${options.from ?? '2026-01'}</From><To>${options.to ?? '2026-02'}</To></Period></UtilityAccrualsRequest>`;

describe('the housing and utilities simulator', () => {
  it('answers the account in the house with per-month per-service accruals, payments and debt', () => {
    const { root } = ask(gisZhkhSimulator, 'GetUtilityAccruals', request());
    const accounts = all(root, NS, 'Account');
    expect(accounts).toHaveLength(1);
    const account = accounts[0]!;
    expect([child(account, NS, 'AccountId'), child(account, NS, 'TotalArea'), child(account, NS, 'LivingArea'), child(account, NS, 'RegisteredPersons')]).toEqual([
      '86-0012345678', '54.30', '36.10', '3',
    ]);
    const months = all(account, NS, 'MonthStatement');
    expect(months.map((m) => child(m, NS, 'Month'))).toEqual(['2026-01', '2026-02']);
    expect(all(months[0]!, NS, 'Accrual').map(record)).toEqual([
      { ServiceCode: 'MAINTENANCE', Amount: '1954.80', Tariff: '36.00', Volume: '54.30', Unit: 'M2' },
      { ServiceCode: 'HEATING', Amount: '3120.45', Tariff: '2950.12', Norm: '0.0195', Volume: '1.0577', Unit: 'GCAL' },
      { ServiceCode: 'WASTEWATER', Amount: '412.16' },
    ]);
    // Two payments for January, summed exactly; none for February.
    expect(months.map((m) => child(m, NS, 'Paid'))).toEqual(['5487.41', '0.00']);
    expect(record(all(account, NS, 'Debt')[0]!)).toEqual({ Amount: '1954.80', MonthsOverdue: '1' });
  });

  it('leaves out the months outside the period', () => {
    const { root } = ask(gisZhkhSimulator, 'GetUtilityAccruals', request({ from: '2025-12', to: '2025-12' }));
    expect(all(root, NS, 'Month').map((el) => el.textContent)).toEqual(['2025-12']);
    expect(all(root, NS, 'Paid').map((el) => el.textContent)).toEqual(['1900.00']);
  });

  it('finds an account without a FIAS GUID by its house address and reports no debt as 0.00', () => {
    const house = '<Address>628012, ХМАО-Югра, г. Ханты-Мансийск, ул. Ленина, д. 3</Address>';
    const { root } = ask(gisZhkhSimulator, 'GetUtilityAccruals', request({ house }));
    expect(all(root, NS, 'AccountId').map((el) => el.textContent)).toEqual(['86-0099999999']);
    expect(record(all(root, NS, 'Debt')[0]!)).toEqual({ Amount: '0.00', MonthsOverdue: '0' });
  });

  it('answers NotFound when the period holds no accruals', () => {
    const { root } = ask(gisZhkhSimulator, 'GetUtilityAccruals', request({ from: '2024-01', to: '2024-12' }));
    expect(all(root, NS, 'NotFound')).toHaveLength(1);
  });

  it('answers NotFound when no applicant matches', () => {
    const { root, match } = ask(gisZhkhSimulator, 'GetUtilityAccruals', request({ snils: '999-999-999 99', name: NOBODY_NAME }));
    expect(match).toBeUndefined();
    expect(all(root, NS, 'NotFound')).toHaveLength(1);
  });
});
