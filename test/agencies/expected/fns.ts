/**
 * Oracle for the tax service (2-NDFL). Months of the requested period (a date period covers every month it
 * touches); per paying agent (INN + KPP) one entry per month × income code, amounts of the same month and code
 * added; annual totals per agent and year = the sum of that agent's entries in that year (no deductions are known,
 * so the tax base equals the total). A person the tax service does not know: processing code 01, i.e. no data; a
 * person it knows with nothing in the period: an income fact with no entries.
 */
import type { DatePeriod } from '../../../core/facts/index.ts';
import type { HouseholdMember } from '../personas.ts';
import { facts, kopecks, optional, type Expected, type ExpectedData } from './common.ts';

type IncomeData = ExpectedData<'income'>;

export function expectedIncome(member: HouseholdMember, period: DatePeriod): Expected<'income'> {
  const months = { from: period.from.slice(0, 7), to: period.to.slice(0, 7) };
  if (member.agencies?.fns === undefined) return facts('income', []);
  const inPeriod = member.agencies.fns.incomes.filter((i) => i.month >= months.from && i.month <= months.to);
  const entries = new Map<string, IncomeData['entries'][number]>();
  const totals = new Map<string, { year: string; agentInn: string; kopecks: number }>();
  for (const income of inPeriod) {
    const agent = { name: income.agentName, inn: income.agentInn, ...optional('kpp', income.agentKpp) };
    const key = `${income.agentInn}/${income.agentKpp ?? ''}/${income.month}/${income.incomeCode}`;
    const previous = entries.get(key);
    entries.set(key, { month: income.month, agent, incomeCode: income.incomeCode, amountKopecks: (previous?.amountKopecks ?? 0) + kopecks(income.amount) });
    const year = income.month.slice(0, 4);
    const totalKey = `${income.agentInn}/${income.agentKpp ?? ''}/${year}`;
    const total = totals.get(totalKey) ?? { year, agentInn: income.agentInn, kopecks: 0 };
    total.kopecks += kopecks(income.amount);
    totals.set(totalKey, total);
  }
  return facts('income', [
    {
      period: months,
      entries: [...entries.values()],
      reportedTotals: [...totals.values()].map((t) => ({ year: t.year, agentInn: t.agentInn, totalIncomeKopecks: t.kopecks, taxBaseKopecks: t.kopecks })),
    },
  ]);
}
