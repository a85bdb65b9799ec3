import type { IncomeEntry, MonthPeriod, PartialFacts, ReportedIncomeTotals } from '../../core/facts/index.ts';
import type { NormalizeContext, PayloadReader } from '../xml/index.ts';

/**
 * IncomeResponse/Income → one income fact: every agent × month × income code amount as sent (not aggregated,
 * the decision rules sum them), and each agent's annual totals as reported. The fact's period is the months the
 * request covered (from the provenance context); without it, the months the answer spans. Processing codes
 * (01/52/99) never reach here: the shared pipeline maps them from the contract's processingCodes.
 */
export function normalizeIncome(root: Element, read: PayloadReader, ctx: NormalizeContext): PartialFacts<'income'> {
  const entries: IncomeEntry[] = [];
  const reportedTotals: ReportedIncomeTotals[] = [];
  for (const agentElement of read.children(read.child(root, 'Income'), 'Agent', 0)) {
    const kpp = read.optionalText(agentElement, 'AgentKpp');
    const agent = {
      name: read.text(agentElement, 'AgentName'),
      inn: read.text(agentElement, 'AgentInn'),
      ...(kpp === undefined ? {} : { kpp }),
    };
    for (const item of read.children(agentElement, 'IncomeItem', 1)) {
      entries.push({
        month: read.month(item, 'Month'),
        agent,
        incomeCode: read.text(item, 'IncomeCode'),
        amountKopecks: read.kopecks(item, 'Amount'),
      });
    }
    for (const total of read.children(agentElement, 'AnnualTotal', 1)) {
      const taxWithheldKopecks = read.optionalKopecks(total, 'TaxWithheld');
      reportedTotals.push({
        year: read.year(total, 'Year'),
        agentInn: agent.inn,
        totalIncomeKopecks: read.kopecks(total, 'TotalIncome'),
        taxBaseKopecks: read.kopecks(total, 'TaxBase'),
        ...(taxWithheldKopecks === undefined ? {} : { taxWithheldKopecks }),
      });
    }
  }
  return { income: [{ data: { period: incomePeriod(ctx, entries), entries, reportedTotals }, provenance: ctx.provenance }] };
}

function incomePeriod(ctx: NormalizeContext, entries: readonly IncomeEntry[]): MonthPeriod {
  const requested = ctx.context.request.period;
  if (requested) return { from: requested.from.slice(0, 7), to: requested.to.slice(0, 7) };
  const months = entries.map((entry) => entry.month).sort();
  if (months.length === 0) {
    // "Known, no income reported" without a requested period: the month the answer arrived stands for the period.
    const received = ctx.provenance.receivedAt.slice(0, 7);
    return { from: received, to: received };
  }
  return { from: months[0]!, to: months[months.length - 1]! };
}
