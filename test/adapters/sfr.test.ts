import { describe, expect, it } from 'vitest';
import { sfrAssignedBenefitsAdapter, sfrPaymentsAdapter } from '../../adapters/index.ts';
import { context, expectBadResponse, expectFacts, fixture, provenance, read } from './_support.ts';

const payments = fixture('sfr/pensions-and-payments-response.xml');
const benefits = fixture('sfr/assigned-benefits-response.xml');

describe('the pension fund payments adapter', () => {
  it('normalizes the sample answer into pension facts with exact kopecks', () => {
    expect(expectFacts(read(sfrPaymentsAdapter, payments))).toEqual({
      pensions: [
        {
          data: {
            kind: 'SURVIVOR_PENSION',
            kindName: 'Социальная пенсия по случаю потери кормильца',
            monthlyAmountKopecks: 1_450_037,
            // No <To>: still paid at the end of the requested period (2025-12-31, from the provenance context).
            period: { from: '2024-03-01', to: '2025-12-31' },
          },
          provenance: provenance('sfr'),
        },
        {
          data: {
            kind: 'UNIFIED_CHILD_ALLOWANCE',
            kindName: 'Единое пособие в связи с рождением и воспитанием ребёнка',
            monthlyAmountKopecks: 871_700,
            period: { from: '2025-01-01', to: '2025-12-31' },
          },
          provenance: provenance('sfr'),
        },
      ],
    });
  });

  it('ends an open payment on the day the answer arrived when the request period is unknown', () => {
    const ctx = { ...context, request: { messageId: context.request.messageId } };
    const facts = expectFacts(read(sfrPaymentsAdapter, payments, ctx));
    expect(facts.pensions?.[0]?.data.period).toEqual({ from: '2024-03-01', to: '2026-03-02' });
  });

  it('gives a one-off payment the single day it was paid', () => {
    const oneOff = payments.replace('<sfr:Periodicity>MONTHLY</sfr:Periodicity>', '<sfr:Periodicity>ONE_OFF</sfr:Periodicity>');
    const facts = expectFacts(read(sfrPaymentsAdapter, oneOff));
    expect(facts.pensions?.[0]?.data.period).toEqual({ from: '2024-03-01', to: '2024-03-01' });
  });

  it('maps NotFound to no-data with the agency message', () => {
    expect(read(sfrPaymentsAdapter, fixture('sfr/pensions-and-payments-response-not-found.xml'))).toEqual({
      kind: 'no-data',
      reason: 'Сведения о выплатах не найдены',
    });
  });

  it('refuses a payment that ends before it starts', () => {
    const backwards = payments.replace('<sfr:To>2025-12-31</sfr:To>', '<sfr:To>2024-12-31</sfr:To>');
    expectBadResponse(read(sfrPaymentsAdapter, backwards), 'Payment[2]', /ends \(2024-12-31\) before it starts/);
  });

  it('refuses an amount with three decimals, naming the element', () => {
    expectBadResponse(read(sfrPaymentsAdapter, payments.replace('14500.37', '14500.375')), /Amount/, /14500\.375/);
  });
});

describe('the assigned-benefits adapter', () => {
  it('normalizes the sample answer into assigned-benefit facts', () => {
    expect(expectFacts(read(sfrAssignedBenefitsAdapter, benefits))).toEqual({
      assignedBenefits: [
        {
          data: {
            measureCode: 'LMSZ-86-0042',
            measureName: 'Ежемесячная выплата на ребёнка в возрасте от 3 до 7 лет',
            categoryCode: 'FAMILY_WITH_CHILDREN',
            decisionDate: '2024-02-15',
            start: '2024-02-01',
            end: '2025-01-31',
            form: 'monetary',
            amountKopecks: 1_023_350,
          },
          provenance: provenance('sfr'),
        },
        {
          data: {
            measureCode: 'LMSZ-86-0100',
            measureName: 'Бесплатный проезд',
            categoryCode: 'LARGE_FAMILY',
            decisionDate: '2023-09-01',
            start: '2023-09-01',
            form: 'exemption',
          },
          provenance: provenance('sfr'),
        },
      ],
    });
  });

  it('maps an empty NotFound to no-data', () => {
    const outcome = read(sfrAssignedBenefitsAdapter, fixture('sfr/assigned-benefits-response-not-found.xml'));
    expect(outcome.kind).toBe('no-data');
  });

  it('refuses a monetary benefit without an amount', () => {
    const noAmount = benefits.replace('<Amount>10233.50</Amount>', '');
    expectBadResponse(read(sfrAssignedBenefitsAdapter, noAmount), 'Benefit[1]/Amount', /MONETARY benefit must state its amount/);
  });

  it('refuses a payments answer given to the benefits adapter as the wrong root', () => {
    expectBadResponse(read(sfrAssignedBenefitsAdapter, payments), /expected the root \{urn:\/\/agency-kit\/sfr\/payments\/1\.0\.0\}AssignedBenefitsResponse/, /PensionsAndPaymentsResponse/);
  });
});
