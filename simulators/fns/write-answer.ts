/**
 * @module simulators/fns/write-answer
 * IncomeResponse payloads: the income statement, or a processing code in place of data (01 not found, 52 not
 * ready yet), the way the real 2-NDFL service answers instead of a SOAP fault.
 */
import { fnsContract } from '../../core/contracts/index.ts';
import type { MemberMatch } from '../engine/index.ts';
import { contractMoney } from '../xml-writing/money.ts';
import { element, leaf, payloadRoot } from '../xml-writing/write-xml.ts';
import { buildStatements, TAX_RATE_PERCENT, type AgentStatement } from './income-statement.ts';
import type { IncomeRequest } from './read-request.ts';

const NS = fnsContract.namespace;

function processingCodeAnswer(request: { requestId?: string }, code: '01' | '52', message: string): string {
  return payloadRoot('IncomeResponse', NS, leaf('RequestId', request.requestId), leaf('ProcessingCode', code), leaf('ProcessingMessage', message));
}

function writeAgent(agent: AgentStatement, where: string): string {
  return element(
    'Agent',
    leaf('AgentName', agent.agentName),
    leaf('AgentInn', agent.agentInn),
    leaf('AgentKpp', agent.agentKpp),
    leaf('TaxRate', TAX_RATE_PERCENT.toString()),
    agent.lines.map((line) =>
      element('IncomeItem', leaf('Month', line.month), leaf('IncomeCode', line.incomeCode), leaf('Amount', contractMoney(line.kopecks, `${where} ${agent.agentInn} ${line.month} code ${line.incomeCode}`))),
    ),
    agent.totals.map((total) =>
      element(
        'AnnualTotal',
        leaf('Year', total.year),
        leaf('TotalIncome', contractMoney(total.totalKopecks, `${where} ${agent.agentInn} total ${total.year}`)),
        leaf('TaxBase', contractMoney(total.taxBaseKopecks, `${where} ${agent.agentInn} tax base ${total.year}`)),
        leaf('TaxCalculated', contractMoney(total.taxCalculatedKopecks, `${where} ${agent.agentInn} tax ${total.year}`)),
      ),
    ),
  );
}

export function writeIncomeAnswer(request: IncomeRequest, match: MemberMatch | undefined): string {
  const incomes = match?.member.agencies.fns?.incomes ?? [];
  const where = match === undefined ? '' : `${match.persona.id}/${match.member.key}.agencies.fns`;
  const statements = buildStatements(incomes, request.months, where);
  // A person the tax service knows gets an (possibly empty) income statement; only an unknown person gets code 01.
  // The decision rules rely on the difference: no income is a fact, an unknown family member is missing data.
  if (match?.member.agencies.fns === undefined) {
    const scope = request.months.from === request.months.to ? request.months.from : `${request.months.from}..${request.months.to}`;
    return processingCodeAnswer(request, '01', `Сведения о доходах за ${scope} не найдены`);
  }
  return payloadRoot('IncomeResponse', NS, leaf('RequestId', request.requestId), element('Income', statements.map((agent) => writeAgent(agent, where))));
}

/** Processing code 52: the answer is being prepared, the client should ask again later. */
export function writeNotReadyAnswer(request: { requestId?: string }): string {
  return processingCodeAnswer(request, '52', 'Ответ ещё не готов, повторите запрос позже');
}
