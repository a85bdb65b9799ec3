import { describe, expect, it } from 'vitest';
import { gisZhkhAccrualsAdapter } from '../../adapters/index.ts';
import { expectBadResponse, expectFacts, fixture, provenance, read } from './_support.ts';

const accruals = fixture('gis-zhkh/utility-accruals-response.xml');

describe('the housing and utilities adapter', () => {
  it('normalizes the sample account into a housing fact with per-service accruals', () => {
    expect(expectFacts(read(gisZhkhAccrualsAdapter, accruals))).toEqual({
      housing: [
        {
          data: {
            accountId: '86-0012345678',
            address: '628011, ХМАО-Югра, г. Ханты-Мансийск, ул. Мира, д. 10, кв. 5',
            fiasGuid: '5f1c8b7e-2d3a-4c6b-9e8f-0a1b2c3d4e5f',
            // LivingArea 36.1 m² (TotalArea 54.30 is the fallback when LivingArea is absent).
            livingAreaHundredthsM2: 3610,
            registeredPersons: 3,
            accruals: [
              {
                month: '2026-01',
                services: [
                  {
                    serviceCode: 'MAINTENANCE',
                    serviceName: 'Содержание жилого помещения',
                    serviceKind: 'housing',
                    amountKopecks: 195_480,
                    tariffKopecks: 3600,
                    volume: '54.30',
                    unitOkei: '055',
                  },
                  {
                    serviceCode: 'HEATING',
                    serviceKind: 'utility',
                    amountKopecks: 312_045,
                    tariffKopecks: 295_012,
                    norm: '0.0195',
                    volume: '1.0577',
                    unitOkei: '233',
                  },
                  {
                    serviceCode: 'COLD_WATER',
                    serviceKind: 'utility',
                    amountKopecks: 41_216,
                    tariffKopecks: 5152,
                    volume: '8',
                    unitOkei: '113',
                  },
                ],
              },
              {
                month: '2026-02',
                services: [
                  { serviceCode: 'MAINTENANCE', serviceKind: 'housing', amountKopecks: 195_480 },
                  // Tariff 173.333333 is finer than a kopeck: left out rather than rounded.
                  { serviceCode: 'WASTE', serviceKind: 'utility', amountKopecks: 52_000, volume: '3', unitOkei: '792' },
                ],
              },
            ],
            // February paid 0.00: no payment.
            payments: [{ date: '2026-01-31', month: '2026-01', amountKopecks: 548_741 }],
            debts: [{ period: { from: '2026-01-01', to: '2026-02-28' }, hasDebt: true, amountKopecks: 247_480 }],
          },
          provenance: provenance('gis-zhkh'),
        },
      ],
    });
  });

  it('falls back to the total area and reports no debt for 0.00', () => {
    const variant = accruals
      .replace('<LivingArea>36.1</LivingArea>', '')
      .replace('<Amount>2474.80</Amount>\n        <MonthsOverdue>1</MonthsOverdue>', '<Amount>0.00</Amount><MonthsOverdue>0</MonthsOverdue>');
    const account = expectFacts(read(gisZhkhAccrualsAdapter, variant)).housing?.[0]?.data;
    expect(account?.livingAreaHundredthsM2).toBe(5430);
    expect(account?.debts).toEqual([{ period: { from: '2026-01-01', to: '2026-02-28' }, hasDebt: false, amountKopecks: 0 }]);
  });

  it('sums accruals exactly in kopecks', () => {
    const account = expectFacts(read(gisZhkhAccrualsAdapter, accruals)).housing?.[0]?.data;
    const total = account?.accruals.flatMap((month) => month.services).reduce((sum, service) => sum + service.amountKopecks, 0);
    expect(total).toBe(195_480 + 312_045 + 41_216 + 195_480 + 52_000);
  });

  it('maps NotFound to no-data with the agency message', () => {
    expect(read(gisZhkhAccrualsAdapter, fixture('gis-zhkh/utility-accruals-response-not-found.xml'))).toEqual({
      kind: 'no-data',
      reason: 'Лицевые счета по указанному дому не найдены',
    });
  });

  it('refuses two statements for the same month', () => {
    expectBadResponse(read(gisZhkhAccrualsAdapter, accruals.replace('<Month>2026-02</Month>', '<Month>2026-01</Month>')), /two MonthStatements for 2026-01/);
  });

  it('refuses a missing RegisteredPersons, naming it', () => {
    expectBadResponse(read(gisZhkhAccrualsAdapter, accruals.replace('<RegisteredPersons>3</RegisteredPersons>', '')), /RegisteredPersons/);
  });

  it('refuses an area with three decimals', () => {
    expectBadResponse(read(gisZhkhAccrualsAdapter, accruals.replace('<TotalArea>54.30</TotalArea>', '<TotalArea>54.305</TotalArea>')), /TotalArea/);
  });
});
