import type { AgencyCode, AgencyOutcome, ApplicantFacts, FactsByGroup, SubjectIdentifiers } from '../../core/facts/index.ts';

/** Small builders of per-person facts for the rules tests (not the demo personas). */
let counter = 0;
export function messageId(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

export function provenance(agency: AgencyCode, signatureVerified = true) {
  return { agency, messageId: messageId(), receivedAt: '2026-11-16T10:00:00Z', signatureVerified, request: { messageId: messageId() } };
}

export function person(family: string, birthDate: string, snils?: string): SubjectIdentifiers {
  return { name: { family, first: 'Имя' }, birthDate, ...(snils === undefined ? {} : { snils }) };
}

type Groups = Partial<{ [G in keyof FactsByGroup]: FactsByGroup[G][number]['data'][] }>;

const GROUP_AGENCY: Record<keyof FactsByGroup, AgencyCode> = {
  identity: 'sfr', income: 'fns', pensions: 'sfr', assignedBenefits: 'sfr', disability: 'fri', housing: 'gis-zhkh', residence: 'mvd', births: 'zags', deaths: 'zags',
};

/** Facts with every listed agency answering; `outcomes` overrides statuses (no-data, failed, pending). */
export function factsFor(subject: SubjectIdentifiers, groups: Groups, outcomes: Partial<Record<AgencyCode, AgencyOutcome['status']>> = {}, unverified: AgencyCode[] = []): ApplicantFacts {
  const facts: FactsByGroup = { identity: [], income: [], pensions: [], assignedBenefits: [], disability: [], housing: [], residence: [], births: [], deaths: [] };
  const answered = new Set<AgencyCode>();
  for (const [group, list] of Object.entries(groups) as [keyof FactsByGroup, unknown[]][]) {
    const agency = GROUP_AGENCY[group];
    answered.add(agency);
    (facts[group] as unknown[]).push(...list.map((data) => ({ data, provenance: provenance(agency, !unverified.includes(agency)) })));
  }
  const all = new Set<AgencyCode>([...answered, ...(Object.keys(outcomes) as AgencyCode[])]);
  const outcomeList: AgencyOutcome[] = [...all].map((agency) => {
    const status = outcomes[agency] ?? 'answered';
    return status === 'failed'
      ? { agency, status, error: { code: 'ERR_AGENCY_TIMEOUT', message: 'timed out after retries', retryable: true } }
      : { agency, status };
  });
  return { schemaVersion: '1.0', subject: subject as ApplicantFacts['subject'], facts, outcomes: outcomeList };
}

export function registration(regionCode: string, since = '2010-01-01', until?: string, fiasGuid = '11111111-1111-4111-8111-111111111111') {
  return { kind: 'permanent' as const, address: { fullText: `г. Тест, регион ${regionCode}`, regionCode, fiasGuid }, since, ...(until === undefined ? {} : { until }) };
}

export function birthRecord(child: SubjectIdentifiers, parents: SubjectIdentifiers[], officeRegion = '86', actNumber = '110001') {
  return {
    child: child.name,
    childBirthDate: child.birthDate,
    parents: parents.map((p, i) => ({ role: i === 0 ? ('mother' as const) : ('father' as const), name: p.name, birthDate: p.birthDate })),
    act: { number: actNumber, date: child.birthDate },
    registryOffice: { name: 'Отдел ЗАГС', regionCode: officeRegion },
  };
}

/** 12+ months of equal monthly salary ending the month before `lastMonth` inclusive range. */
export function monthlyIncome(amountKopecks: number, fromMonth: string, toMonth: string) {
  const entries = [];
  for (let m = fromMonth; m <= toMonth; m = nextMonth(m)) {
    entries.push({ month: m, agent: { name: 'ООО Работа', inn: '7707083893' }, incomeCode: '2000', amountKopecks });
  }
  return { period: { from: fromMonth, to: toMonth }, entries, reportedTotals: [] };
}

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}
