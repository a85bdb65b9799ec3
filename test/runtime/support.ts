/**
 * Shared set-up for the runtime tests: a tiny fake tax-service simulator and a fake adapter on the real fns
 * contract, personas, the fixture keys, and engines built on them.
 */
import { fnsContract } from '../../core/contracts/index.ts';
import type { AdapterOutcome, AgencyAdapter, AgencyAnswer, FactsQuery, ProvenanceContext } from '../../core/adapter/index.ts';
import { KitError } from '../../core/errors/index.ts';
import { childElements, textOf } from '../../core/xml/index.ts';
import { SimulatorEngine } from '../../simulators/engine/index.ts';
import type { AgencySimulator, AnswerContext } from '../../simulators/runtime/agency-simulator.ts';
import { fixtureSigningFor, fixtureTrustList } from '../../simulators/runtime/fixture-signing.ts';

export const NS = fnsContract.namespace;
export const GET_INCOME = fnsContract.operations[0]!;
export const MOTHER_SNILS = '112-233-445 95';
export const STRANGER_SNILS = '112-233-445 96';

export const PERSONAS = [
  {
    id: 'family-petrova',
    description: 'Mother known to the tax service.',
    members: [
      {
        key: 'mother',
        role: 'applicant',
        person: {
          snils: MOTHER_SNILS,
          inn: '771234567890',
          name: { family: 'Петрова', first: 'Алёна', patronymic: 'Сергеевна' },
          birthDate: '1985-03-20',
          gender: 'female',
        },
        agencies: { fns: { incomes: [{ agentName: 'ООО Ромашка', agentInn: '7701234567', month: '2026-01', incomeCode: '2000', amount: '45000.00' }] } },
      },
    ],
  },
];

export function createEngine(overrides: Record<string, unknown> = {}): SimulatorEngine {
  return new SimulatorEngine({ seed: 7, personas: PERSONAS, journal: { maxEntries: 200, maxBytes: 4 << 20 }, ...overrides });
}

export const AGENCY_SIGNING = fixtureSigningFor('fns');
export const CONSUMER_SIGNING = fixtureSigningFor('consumer');
export const TRUST = fixtureTrustList();

function childText(parent: Element, local: string): string | undefined {
  const el = childElements(parent).find((c) => c.localName === local && c.namespaceURI === NS);
  return el ? textOf(el).trim() : undefined;
}

const processing = (code: string, message: string): string =>
  `<IncomeResponse xmlns="${NS}"><ProcessingCode>${code}</ProcessingCode><ProcessingMessage>${message}</ProcessingMessage></IncomeResponse>`;

/** Answers from the persona's fns incomes; "01" when nobody matched; "52" as its own not-ready answer. */
export const fakeFnsSimulator: AgencySimulator = {
  agency: 'fns',
  contract: fnsContract,
  subjectOf(context: AnswerContext) {
    const snils = childText(context.request, 'Snils');
    const inn = childText(context.request, 'Inn');
    return { ...(snils ? { snils } : {}), ...(inn ? { inn } : {}) };
  },
  answer(_context, match) {
    const incomes = match?.member.agencies?.fns?.incomes ?? [];
    const first = incomes[0];
    if (!first) return processing('01', 'No income data');
    const items = incomes.map((i) => `<IncomeItem><Month>${i.month}</Month><IncomeCode>${i.incomeCode}</IncomeCode><Amount>${i.amount}</Amount></IncomeItem>`).join('');
    return (
      `<IncomeResponse xmlns="${NS}"><Income><Agent><AgentName>${first.agentName}</AgentName><AgentInn>${first.agentInn}</AgentInn>${items}` +
      `<AnnualTotal><Year>2026</Year><TotalIncome>${first.amount}</TotalIncome><TaxBase>${first.amount}</TaxBase><TaxCalculated>0.00</TaxCalculated></AnnualTotal></Agent></Income></IncomeResponse>`
    );
  },
  notReadyAnswer: () => processing('52', 'Not ready yet'),
};

/** The same agency without a business "not ready" answer: the runtime falls back to kit:RequestStatus. */
export const fakeFnsWithoutNotReady: AgencySimulator = {
  agency: fakeFnsSimulator.agency,
  contract: fakeFnsSimulator.contract,
  subjectOf: (context) => fakeFnsSimulator.subjectOf(context),
  answer: (context, match) => fakeFnsSimulator.answer(context, match),
};

export function incomeRequestXml(snils: string): string {
  return (
    `<IncomeRequest xmlns="${NS}"><Snils>${snils}</Snils><Person><FamilyName>Петрова</FamilyName><FirstName>Алёна</FirstName></Person>` +
    `<BirthDate>1985-03-20</BirthDate><IdentityDocument><DocumentCode>21</DocumentCode><SeriesNumber>4510 123456</SeriesNumber></IdentityDocument>` +
    `<ReportYear>2026</ReportYear></IncomeRequest>`
  );
}

export interface FakeAdapter extends AgencyAdapter<'income'> {
  readonly seen: { answer: AgencyAnswer; context: ProvenanceContext }[];
}

/** Maps processing codes like a real tax adapter; returns empty facts for a data answer and remembers what it saw. */
export function createFakeAdapter(): FakeAdapter {
  const seen: FakeAdapter['seen'] = [];
  return {
    agency: 'fns',
    factGroups: ['income'],
    messageType: { namespaceUri: NS, localName: 'IncomeRequest' },
    seen,
    buildRequest(query: FactsQuery): string {
      if (!query.subject.snils) throw new KitError('ERR_VALIDATION', 'the fake adapter needs a SNILS');
      return incomeRequestXml(query.subject.snils);
    },
    readAnswer(answer: AgencyAnswer, context: ProvenanceContext): AdapterOutcome<'income'> {
      seen.push({ answer, context });
      if (answer.kind !== 'business') return { kind: 'error', error: new KitError('ERR_INTERNAL', `unexpected ${answer.kind}`) };
      const code = /<ProcessingCode>(\d+)<\/ProcessingCode>/.exec(answer.xml)?.[1];
      if (code === '01') return { kind: 'no-data', reason: 'processing code 01' };
      if (code === '52') return { kind: 'not-ready' };
      return { kind: 'facts', facts: {} };
    },
  };
}

export const MOTHER_QUERY: FactsQuery = { subject: { snils: MOTHER_SNILS } as FactsQuery['subject'], purpose: {} };
export const STRANGER_QUERY: FactsQuery = { subject: { snils: STRANGER_SNILS } as FactsQuery['subject'], purpose: {} };
