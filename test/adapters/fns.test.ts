import { describe, expect, it } from 'vitest';
import { fnsIncomeAdapter } from '../../adapters/index.ts';
import { context, expectBadResponse, expectFacts, fixture, provenance, read } from './_support.ts';

const income = fixture('fns/income-response.xml');
const sberbank = { name: 'ПАО Сбербанк', inn: '7707083893', kpp: '773601001' };

describe('the tax service income adapter', () => {
  it('normalizes the sample answer into one income fact at agent × month × code grain', () => {
    expect(expectFacts(read(fnsIncomeAdapter, income))).toEqual({
      income: [
        {
          data: {
            period: { from: '2025-01', to: '2025-12' },
            entries: [
              { month: '2025-01', agent: sberbank, incomeCode: '2000', amountKopecks: 6_000_000 },
              { month: '2025-02', agent: sberbank, incomeCode: '2000', amountKopecks: 6_000_000 },
              { month: '2025-02', agent: sberbank, incomeCode: '2012', amountKopecks: 1_523_456 },
            ],
            reportedTotals: [
              {
                year: '2025',
                agentInn: '7707083893',
                totalIncomeKopecks: 13_523_456,
                taxBaseKopecks: 13_383_456,
                taxWithheldKopecks: 1_739_800,
              },
            ],
          },
          provenance: provenance('fns'),
        },
      ],
    });
  });

  it('takes the fact period from the answer months when the request period is unknown', () => {
    const ctx = { ...context, request: { messageId: context.request.messageId } };
    expect(expectFacts(read(fnsIncomeAdapter, income, ctx)).income?.[0]?.data.period).toEqual({ from: '2025-01', to: '2025-02' });
  });

  it('reads an empty income statement as a known person with no income, not as missing data', () => {
    const empty = '<IncomeResponse xmlns="urn://agency-kit/fns/income/1.0.0"><Income/></IncomeResponse>';
    const facts = expectFacts(read(fnsIncomeAdapter, empty)).income;
    expect(facts).toHaveLength(1);
    expect(facts?.[0]?.data.entries).toEqual([]);
    expect(facts?.[0]?.data.reportedTotals).toEqual([]);
  });

  it('maps processing code 01 to no-data with the agency message', () => {
    expect(read(fnsIncomeAdapter, fixture('fns/income-response-not-found.xml'))).toEqual({
      kind: 'no-data',
      reason: 'Сведения о доходах не найдены',
    });
  });

  it('maps processing code 52 to not-ready', () => {
    expect(read(fnsIncomeAdapter, fixture('fns/income-response-not-ready.xml'))).toEqual({ kind: 'not-ready' });
  });

  it('maps processing code 99 to ERR_AGENCY_FAILURE, which may be retried', () => {
    const xml = '<IncomeResponse xmlns="urn://agency-kit/fns/income/1.0.0"><ProcessingCode>99</ProcessingCode></IncomeResponse>';
    const outcome = read(fnsIncomeAdapter, xml);
    if (outcome.kind !== 'error') throw new Error('expected an error');
    expect(outcome.error.code).toBe('ERR_AGENCY_FAILURE');
    expect(outcome.error.retryable).toBe(true);
    expect(outcome.error.message).toMatch(/processing code 99/);
  });

  it('refuses a processing code the contract does not know', () => {
    const xml = '<IncomeResponse xmlns="urn://agency-kit/fns/income/1.0.0"><ProcessingCode>42</ProcessingCode></IncomeResponse>';
    expectBadResponse(read(fnsIncomeAdapter, xml), /ProcessingCode/, /42/);
  });

  it('refuses an agent INN whose check digits are wrong', () => {
    expectBadResponse(read(fnsIncomeAdapter, income.replace('7707083893', '7707083894')), /INN check digits/);
  });

  it('refuses a missing agent INN, naming it', () => {
    expectBadResponse(read(fnsIncomeAdapter, income.replace('<AgentInn>7707083893</AgentInn>', '')), /AgentInn/);
  });
});
