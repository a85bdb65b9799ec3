/**
 * @module simulators/fns/income-statement
 * The tax service's arithmetic, separate from XML: incomes of the requested months grouped per paying agent, then
 * per month × income code (the 2-NDFL shape), with annual totals per agent and year. All sums are bigint kopecks.
 */
import type { PersonaAgencies } from '../engine/index.ts';
import { kopecksOf, sumKopecks } from '../xml-writing/money.ts';

type FnsIncome = NonNullable<PersonaAgencies['fns']>['incomes'][number];

/** 2-NDFL base rate; the progressive scale above 5 million a year is not modelled (no demo persona earns that). */
export const TAX_RATE_PERCENT = 13n;

export interface IncomeLine {
  readonly month: string;
  readonly incomeCode: string;
  readonly kopecks: bigint;
}

export interface AnnualTotal {
  readonly year: string;
  readonly totalKopecks: bigint;
  /** No deductions are known to the fixture format, so the tax base equals the total income. */
  readonly taxBaseKopecks: bigint;
  readonly taxCalculatedKopecks: bigint;
}

export interface AgentStatement {
  readonly agentName: string;
  readonly agentInn: string;
  readonly agentKpp?: string;
  readonly lines: readonly IncomeLine[];
  readonly totals: readonly AnnualTotal[];
}

/**
 * Tax is computed in whole rubles, rounded half up (Tax Code art. 52 p. 6): 133834.56 × 13% = 17398.49 → 17398.00.
 * Negative bases (only possible with corrections) give no tax.
 */
export function taxOn(baseKopecks: bigint): bigint {
  if (baseKopecks <= 0n) return 0n;
  const rubles = (baseKopecks * TAX_RATE_PERCENT + 5000n) / 10000n;
  return rubles * 100n;
}

export function buildStatements(incomes: readonly FnsIncome[], months: { from: string; to: string }, where: string): AgentStatement[] {
  const agents = new Map<string, { agentName: string; agentInn: string; agentKpp?: string; lines: Map<string, IncomeLine> }>();
  incomes.forEach((income, index) => {
    if (income.month < months.from || income.month > months.to) return;
    // One agent is one INN + KPP (branches of an organisation report separately, as in real 2-NDFL files).
    const agentKey = `${income.agentInn}/${income.agentKpp ?? ''}`;
    let agent = agents.get(agentKey);
    if (agent === undefined) {
      agent = { agentName: income.agentName, agentInn: income.agentInn, ...(income.agentKpp === undefined ? {} : { agentKpp: income.agentKpp }), lines: new Map() };
      agents.set(agentKey, agent);
    }
    const lineKey = `${income.month}/${income.incomeCode}`;
    const previous = agent.lines.get(lineKey);
    const kopecks = kopecksOf(income.amount, `${where}.incomes[${index}].amount`);
    agent.lines.set(lineKey, { month: income.month, incomeCode: income.incomeCode, kopecks: (previous?.kopecks ?? 0n) + kopecks });
  });
  return [...agents.values()].map((agent) => {
    const lines = [...agent.lines.values()].sort((a, b) => (a.month === b.month ? a.incomeCode.localeCompare(b.incomeCode) : a.month.localeCompare(b.month)));
    const years = [...new Set(lines.map((line) => line.month.slice(0, 4)))].sort();
    const totals = years.map((year): AnnualTotal => {
      const totalKopecks = sumKopecks(lines.filter((line) => line.month.startsWith(year)).map((line) => line.kopecks));
      return { year, totalKopecks, taxBaseKopecks: totalKopecks, taxCalculatedKopecks: taxOn(totalKopecks) };
    });
    return { agentName: agent.agentName, agentInn: agent.agentInn, ...(agent.agentKpp === undefined ? {} : { agentKpp: agent.agentKpp }), lines, totals };
  });
}
