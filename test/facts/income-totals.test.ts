import { describe, expect, it } from 'vitest';
import { totalIncomeKopecks, type IncomeEntry } from '../../core/facts/index.ts';

const agent = { name: 'ООО «Северные сети»', inn: '8601001236', kpp: '860101001' };
const entry = (month: string, amountKopecks: number, incomeCode = '2000'): IncomeEntry => ({
  month,
  agent,
  incomeCode,
  amountKopecks,
});

describe('totalIncomeKopecks', () => {
  it('sums every entry exactly, across agents and income codes', () => {
    const entries = [entry('2025-04', 5_500_000), entry('2025-05', 5_500_000), entry('2025-05', 1_234_567, '2012')];
    expect(totalIncomeKopecks(entries)).toBe(12_234_567);
  });

  it('counts only the months inside the given inclusive period', () => {
    const entries = [entry('2024-12', 100), entry('2025-01', 10), entry('2025-06', 1), entry('2025-07', 1000)];
    expect(totalIncomeKopecks(entries, { from: '2025-01', to: '2025-06' })).toBe(11);
  });

  it('lets corrections reduce the total', () => {
    expect(totalIncomeKopecks([entry('2025-01', 10_000), entry('2025-01', -2_500)])).toBe(7_500);
  });

  it('is zero for no entries', () => {
    expect(totalIncomeKopecks([])).toBe(0);
  });
});
