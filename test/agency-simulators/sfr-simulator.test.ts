import { describe, expect, it } from 'vitest';
import { sfrContract } from '../../core/contracts/index.ts';
import { sfrSimulator } from '../../simulators/sfr/index.ts';
import { all, ask, child, MOTHER_NAME, NOBODY_NAME, record } from './support.ts';

const NS = sfrContract.namespace;
const period = (from: string, to: string, tag = 'Period'): string => `<${tag}><From>${from}</From><To>${to}</To></${tag}>`;
const paymentsRequest = (snils: string, from: string, to: string, name = MOTHER_NAME): string =>
  `<PensionsAndPaymentsRequest xmlns="${NS}"><RequestId>sfr-1</RequestId><Snils>${snils}</Snils>${name}<BirthDate>1988-04-12</BirthDate><Gender>F</Gender>${period(from, to)}</PensionsAndPaymentsRequest>`;
const benefitsRequest = (snils: string, from: string, to: string): string =>
  `<AssignedBenefitsRequest xmlns="${NS}"><Snils>${snils}</Snils>${period(from, to, 'ReportPeriod')}</AssignedBenefitsRequest>`;

describe('the social fund simulator', () => {
  it('answers the payments that overlap the period with exactly the fixture values', () => {
    const { root } = ask(sfrSimulator, 'GetPensionsAndPayments', paymentsRequest('201-202-203 04', '2025-01-01', '2025-12-31'));
    expect(child(root, NS, 'RequestId')).toBe('sfr-1');
    expect(all(root, NS, 'Payment').map(record)).toEqual([
      { KindCode: 'UNIFIED_CHILD_ALLOWANCE', KindName: 'Единое пособие на ребёнка', Amount: '8717.00', Periodicity: 'MONTHLY', From: '2025-01-01', To: '2025-12-31' },
      { KindCode: 'SURVIVOR_PENSION', KindName: 'Пенсия по случаю потери кормильца', Amount: '14500.37', Periodicity: 'MONTHLY', From: '2024-03-01' },
    ]);
  });

  it('includes a payment that ends on the first day of the period and leaves out one that ended before it', () => {
    const { root } = ask(sfrSimulator, 'GetPensionsAndPayments', paymentsRequest('201-202-203 04', '2023-12-31', '2024-01-31'));
    expect(all(root, NS, 'KindCode').map((el) => el.textContent)).toEqual(['CARE_COMPENSATION']);
  });

  it('answers NotFound when the person has no payment in the period', () => {
    const { root } = ask(sfrSimulator, 'GetPensionsAndPayments', paymentsRequest('201-202-203 04', '2020-01-01', '2020-12-31'));
    expect(all(root, NS, 'NotFound')).toHaveLength(1);
    expect(all(root, NS, 'Payments')).toHaveLength(0);
  });

  it('answers NotFound when no person matches', () => {
    const { root, match } = ask(sfrSimulator, 'GetPensionsAndPayments', paymentsRequest('999-999-999 99', '2025-01-01', '2025-12-31', NOBODY_NAME));
    expect(match).toBeUndefined();
    expect(all(root, NS, 'NotFound')).toHaveLength(1);
  });

  it('answers the assigned benefits in force during the report period, a free-text category as its name', () => {
    const { root } = ask(sfrSimulator, 'GetAssignedBenefits', benefitsRequest('201-202-203 04', '2025-01-01', '2025-12-31'));
    expect(all(root, NS, 'Benefit').map(record)).toEqual([
      {
        MeasureCode: 'LMSZ-86-0042', MeasureName: 'Выплата на ребёнка от 3 до 7 лет', CategoryCode: 'FAMILY_WITH_CHILDREN',
        DecisionDate: '2025-02-15', StartDate: '2025-02-01', EndDate: '2026-01-31', Form: 'MONETARY', Amount: '10233.50', Periodicity: 'MONTHLY',
      },
      {
        MeasureCode: 'LMSZ-86-0100', MeasureName: 'Компенсация расходов многодетным', CategoryCode: 'UNSPECIFIED', CategoryName: 'многодетная семья',
        DecisionDate: '2024-09-01', StartDate: '2024-09-01', Form: 'MONETARY', Amount: '1500.00', Periodicity: 'MONTHLY',
      },
    ]);
  });

  it('answers NotFound for benefits when the person is known but nothing was in force', () => {
    const { root } = ask(sfrSimulator, 'GetAssignedBenefits', benefitsRequest('301-302-303 04', '2025-01-01', '2025-12-31'));
    expect(all(root, NS, 'NotFound')).toHaveLength(1);
  });
});
