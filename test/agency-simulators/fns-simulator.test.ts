import { describe, expect, it } from 'vitest';
import { fnsContract } from '../../core/contracts/index.ts';
import { parseXml } from '../../core/xml/index.ts';
import { fnsSimulator } from '../../simulators/fns/index.ts';
import { all, ask, child, expectValid, MOTHER_NAME, NOBODY_NAME, NOW, record, texts } from './support.ts';

const NS = fnsContract.namespace;

function incomeRequest(options: { snils?: string; inn?: string; name?: string; birthDate?: string; period: string }): string {
  const ids = `${options.snils === undefined ? '' : `<Snils>${options.snils}</Snils>`}${options.inn === undefined ? '' : `<Inn>${options.inn}</Inn>`}`;
  return `<IncomeRequest xmlns="${NS}"><RequestId>fns-1</RequestId>${ids}${options.name ?? MOTHER_NAME}<BirthDate>${options.birthDate ?? '1988-04-12'}</BirthDate><IdentityDocument><DocumentCode>21</DocumentCode><SeriesNumber>67 10 123456</SeriesNumber></IdentityDocument>${options.period}</IncomeRequest>`;
}

const YEAR_2025 = '<ReportYear>2025</ReportYear>';

describe('the tax service simulator', () => {
  it('answers a matched person with the fixture incomes grouped by agent, month and income code', () => {
    const { root, match } = ask(fnsSimulator, 'GetIncome', incomeRequest({ snils: '201-202-203 04', period: YEAR_2025 }));
    expect(match?.member.key).toBe('mother');
    expect(child(root, NS, 'RequestId')).toBe('fns-1');
    const agents = all(root, NS, 'Agent');
    expect(agents.map((agent) => [child(agent, NS, 'AgentName'), child(agent, NS, 'AgentInn'), child(agent, NS, 'AgentKpp')])).toEqual([
      ['ПАО «Сбербанк» & Ко <филиал>', '7707083893', '773601001'],
      ['ИП Петров', '500100732259', undefined],
    ]);
    expect(all(agents[0]!, NS, 'IncomeItem').map(record)).toEqual([
      { Month: '2025-01', IncomeCode: '2000', Amount: '0.30' },
      { Month: '2025-02', IncomeCode: '2000', Amount: '60000.00' },
      { Month: '2025-02', IncomeCode: '2012', Amount: '15234.56' },
    ]);
    expect(all(agents[1]!, NS, 'IncomeItem').map(record)).toEqual([{ Month: '2025-03', IncomeCode: '4800', Amount: '1000.00' }]);
  });

  it('sums 0.10 and 0.20 to exactly 0.30 and computes annual totals and tax in exact kopecks', () => {
    const { root } = ask(fnsSimulator, 'GetIncome', incomeRequest({ inn: '860112345678', period: YEAR_2025 }));
    const totals = all(root, NS, 'AnnualTotal').map(record);
    // 0.30 + 60000.00 + 15234.56 = 75234.86; 13% = 9780.5318 → 9781 whole rubles (half up).
    expect(totals).toEqual([
      { Year: '2025', TotalIncome: '75234.86', TaxBase: '75234.86', TaxCalculated: '9781.00' },
      { Year: '2025', TotalIncome: '1000.00', TaxBase: '1000.00', TaxCalculated: '130.00' },
    ]);
  });

  it('keeps only the months of the report year', () => {
    const { root } = ask(fnsSimulator, 'GetIncome', incomeRequest({ snils: '201-202-203 04', period: '<ReportYear>2024</ReportYear>' }));
    expect(texts(root, NS, 'Month')).toEqual(['2024-12']);
    expect(all(root, NS, 'AnnualTotal').map(record)).toEqual([{ Year: '2024', TotalIncome: '50000.00', TaxBase: '50000.00', TaxCalculated: '6500.00' }]);
  });

  it('covers every month a date period touches and gives one annual total per year in it', () => {
    const period = '<Period><From>2024-12-15</From><To>2025-01-10</To></Period>';
    const { root } = ask(fnsSimulator, 'GetIncome', incomeRequest({ snils: '201-202-203 04', period }));
    expect(texts(root, NS, 'Month')).toEqual(['2024-12', '2025-01']);
    expect(texts(root, NS, 'Year')).toEqual(['2024', '2025']);
    expect(texts(root, NS, 'TotalIncome')).toEqual(['50000.00', '0.30']);
  });

  it('answers processing code 01 when no person matches', () => {
    const { root, match } = ask(fnsSimulator, 'GetIncome', incomeRequest({ snils: '999-999-999 99', name: NOBODY_NAME, period: YEAR_2025 }));
    expect(match).toBeUndefined();
    expect(child(root, NS, 'ProcessingCode')).toBe('01');
    expect(all(root, NS, 'Income')).toHaveLength(0);
  });

  it('answers an empty income statement, not code 01, for a known person with no income in the period', () => {
    const { root, match, xml } = ask(fnsSimulator, 'GetIncome', incomeRequest({ snils: '201-202-203 04', period: '<ReportYear>2019</ReportYear>' }));
    expect(match?.member.key).toBe('mother');
    expectValid(fnsSimulator, xml);
    expect(child(root, NS, 'ProcessingCode')).toBeUndefined();
    expect(all(root, NS, 'Income')).toHaveLength(1);
    expect(all(root, NS, 'Agent')).toHaveLength(0);
  });

  it('answers processing code 52 as its not-ready answer, echoing the request id', () => {
    const request = parseXml(incomeRequest({ snils: '201-202-203 04', period: YEAR_2025 })).documentElement;
    const xml = fnsSimulator.notReadyAnswer!({ operation: 'GetIncome', request, now: NOW });
    expectValid(fnsSimulator, xml);
    const root = parseXml(xml).documentElement;
    expect(child(root, NS, 'ProcessingCode')).toBe('52');
    expect(child(root, NS, 'RequestId')).toBe('fns-1');
  });

  it('escapes markup characters from the fixture instead of breaking the answer', () => {
    const { xml } = ask(fnsSimulator, 'GetIncome', incomeRequest({ snils: '201-202-203 04', period: YEAR_2025 }));
    expect(xml).toContain('ПАО «Сбербанк» &amp; Ко &lt;филиал&gt;');
  });
});
