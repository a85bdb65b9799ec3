import { readdirSync, readFileSync } from 'node:fs';
import { applicantFactsSchema, parseAreaM2, type AgencyCode, type ApplicantFacts, type ApplicantFactsInput } from '../../core/facts/index.ts';
import { applicationSchema, type Application, type ApplicationFacts, type MeasureId } from '../../decision/rules/index.ts';
import { personaSchema, type HouseholdMember, type Persona, type PersonIdentity } from '../../simulators/engine/persona-schema.ts';

/**
 * A test-side oracle: a demo persona → the application and the per-person facts the gateway would hand the rules
 * for the persona's decision date. Deliberately simple and independent of the adapters: every agency of the six
 * simulated ones is "asked" about every person of the application; an agency key missing from a member answers
 * "no data", a present one answers with what it knows as of the decision date. The social-benefits register
 * (egisso) is not simulated and so is not asked.
 */

const PERSONAS_DIR = new URL('../../fixtures/personas/', import.meta.url);

export interface PersonaCase {
  readonly persona: Persona;
  readonly measure: MeasureId;
  readonly outcome: 'granted' | 'refused' | 'manual-review';
  readonly decisionDate: string;
  readonly reasons: readonly string[];
  readonly tags: readonly string[];
}

const MEASURE_BY_TAG: Readonly<Record<string, MeasureId>> = {
  survivor: 'survivor-allowance',
  'disabled-child': 'disabled-child-allowance',
  'utility-compensation': 'utility-compensation',
  'birth-gift': 'birth-gift',
  'children-3-7': 'children-3-to-7',
};

function tagValues(tags: readonly string[], prefix: string): string[] {
  return tags.filter((t) => t.startsWith(`${prefix}:`)).map((t) => t.slice(prefix.length + 1));
}

export function loadPersonaCases(): PersonaCase[] {
  const files = readdirSync(PERSONAS_DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();
  return files.map((file) => {
    const persona = personaSchema.parse(JSON.parse(readFileSync(new URL(file, PERSONAS_DIR), 'utf8')));
    const measure = MEASURE_BY_TAG[tagValues(persona.tags, 'measure')[0] ?? ''];
    const outcome = tagValues(persona.tags, 'outcome')[0];
    const decisionDate = tagValues(persona.tags, 'decision-date')[0];
    if (measure === undefined || decisionDate === undefined || (outcome !== 'granted' && outcome !== 'refused' && outcome !== 'manual-review')) {
      throw new Error(`Persona ${persona.id} lacks a measure:, outcome: or decision-date: tag`);
    }
    return { persona, measure, outcome, decisionDate, reasons: tagValues(persona.tags, 'reason'), tags: persona.tags };
  });
}

/** "52400.00" → 5240000; exact, no floats. */
export function kopecks(money: string): number {
  const negative = money.startsWith('-');
  const [rubles = '0', fraction = '00'] = (negative ? money.slice(1) : money).split('.');
  const value = Number(rubles) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  return negative ? -value : value;
}

function monthShift(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

let sequence = 0;
function provenance(agency: AgencyCode, receivedAt: string) {
  sequence += 1;
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return { agency, messageId: id(sequence * 2), receivedAt, signatureVerified: true, request: { messageId: id(sequence * 2 + 1) } };
}

function identifiers(person: PersonIdentity) {
  return {
    name: person.name,
    birthDate: person.birthDate,
    gender: person.gender,
    ...(person.snils === undefined ? {} : { snils: person.snils }),
  };
}

const HOUSING_SERVICES = new Set(['MAINTENANCE', 'CAPITAL_REPAIR']);

/** What the six agencies know of one member as of `asOf`, shaped as the facts model. */
export function memberFacts(member: HouseholdMember, asOf: string): ApplicantFacts {
  const a = member.agencies;
  const receivedAt = `${asOf}T09:00:00Z`;
  const decisionMonth = asOf.slice(0, 7);
  // Income and payments are asked for the 19 months before the decision month (covers M-2 and M-5 periods).
  const periodFrom = monthShift(decisionMonth, -19);
  const periodTo = monthShift(decisionMonth, -1);
  const facts: ApplicantFactsInput['facts'] = { identity: [], income: [], pensions: [], assignedBenefits: [], disability: [], housing: [], residence: [], births: [], deaths: [] };
  const outcomes: ApplicantFactsInput['outcomes'] = [];
  const answer = (agency: AgencyCode, known: boolean) => outcomes.push({ agency, status: known ? 'answered' : 'no-data' });

  answer('mvd', a.mvd !== undefined);
  for (const r of a.mvd?.registrations ?? []) {
    if (r.from > asOf) continue;
    facts.residence.push({
      data: { kind: r.kind, address: { fullText: r.address, regionCode: r.regionCode, ...(r.fiasGuid === undefined ? {} : { fiasGuid: r.fiasGuid }) }, since: r.from, ...(r.to === undefined ? {} : { until: r.to }) },
      provenance: provenance('mvd', receivedAt),
    });
  }

  answer('fri', a.fri?.disability !== undefined);
  const d = a.fri?.disability;
  if (d !== undefined && d.since <= asOf) {
    facts.disability.push({
      data: { group: d.group, since: d.since, ...(d.until === undefined ? {} : { until: d.until }), ...(d.reexaminationOn === undefined ? {} : { reExaminationDate: d.reexaminationOn }), causeCode: d.causeCode, causeText: d.causeName },
      provenance: provenance('fri', receivedAt),
    });
  }

  answer('zags', a.zags !== undefined && (a.zags.births.length > 0 || a.zags.deaths.length > 0));
  for (const b of a.zags?.births ?? []) {
    const parents = [
      ...(b.mother === undefined ? [] : [{ role: 'mother' as const, name: b.mother.name, ...(b.mother.birthDate === undefined ? {} : { birthDate: b.mother.birthDate }), ...(b.mother.snils === undefined ? {} : { snils: b.mother.snils }) }]),
      ...(b.father === undefined ? [] : [{ role: 'father' as const, name: b.father.name, ...(b.father.birthDate === undefined ? {} : { birthDate: b.father.birthDate }), ...(b.father.snils === undefined ? {} : { snils: b.father.snils }) }]),
    ];
    facts.births.push({
      data: { child: b.child.name, childBirthDate: b.child.birthDate, parents, act: { number: b.actNumber, date: b.actDate }, registryOffice: { name: b.registryOffice, code: b.registryOfficeCode, regionCode: b.regionCode } },
      provenance: provenance('zags', receivedAt),
    });
  }
  for (const death of a.zags?.deaths ?? []) {
    facts.deaths.push({
      data: {
        person: death.person.name,
        ...(death.person.birthDate === undefined ? {} : { birthDate: death.person.birthDate }),
        ...(death.person.snils === undefined ? {} : { snils: death.person.snils }),
        deathDate: death.deathDate,
        act: { number: death.actNumber, date: death.actDate },
        registryOffice: { name: death.registryOffice, regionCode: death.regionCode, ...(death.registryOfficeCode === undefined ? {} : { code: death.registryOfficeCode }) },
      },
      provenance: provenance('zags', receivedAt),
    });
  }

  answer('fns', a.fns !== undefined);
  if (a.fns !== undefined) {
    const entries = a.fns.incomes
      .filter((i) => i.month >= periodFrom && i.month <= periodTo)
      .map((i) => ({ month: i.month, agent: { name: i.agentName, inn: i.agentInn, ...(i.agentKpp === undefined ? {} : { kpp: i.agentKpp }) }, incomeCode: i.incomeCode, amountKopecks: kopecks(i.amount) }));
    facts.income.push({ data: { period: { from: periodFrom, to: periodTo }, entries, reportedTotals: [] }, provenance: provenance('fns', receivedAt) });
  }

  answer('sfr', a.sfr !== undefined && a.sfr.payments.length > 0);
  const windowFrom = `${periodFrom}-01`;
  for (const p of a.sfr?.payments ?? []) {
    const from = p.from > windowFrom ? p.from : windowFrom;
    const to = p.to !== undefined && p.to < asOf ? p.to : asOf;
    if (from > to) continue;
    facts.pensions.push({ data: { kind: p.kindCode, kindName: p.kindName, monthlyAmountKopecks: kopecks(p.monthlyAmount), period: { from, to } }, provenance: provenance('sfr', receivedAt) });
  }

  answer('gis-zhkh', a['gis-zhkh'] !== undefined && a['gis-zhkh'].accounts.length > 0);
  for (const account of a['gis-zhkh']?.accounts ?? []) {
    const months = [...new Set(account.accruals.map((x) => x.month))].filter((m) => m < decisionMonth).sort();
    const accruals = months.map((month) => ({
      month,
      services: account.accruals
        .filter((x) => x.month === month)
        .map((x) => ({ serviceCode: x.serviceCode, serviceKind: HOUSING_SERVICES.has(x.serviceCode) ? ('housing' as const) : ('utility' as const), amountKopecks: kopecks(x.amount) })),
    }));
    const debtKopecks = account.debt === undefined ? 0 : kopecks(account.debt.amount);
    const first = months[0] ?? decisionMonth;
    const last = months.at(-1) ?? decisionMonth;
    facts.housing.push({
      data: {
        accountId: account.accountId,
        address: account.address,
        ...(account.fiasHouseGuid === undefined ? {} : { fiasGuid: account.fiasHouseGuid }),
        // As the gis-zhkh adapter does: living area when sent, else total area.
        livingAreaHundredthsM2: parseAreaM2(account.livingArea) ?? parseAreaM2(account.totalArea) ?? 0,
        registeredPersons: account.registeredPersons,
        accruals,
        payments: account.payments.map((x) => ({ date: x.paidOn, month: x.month, amountKopecks: kopecks(x.amount) })),
        debts: [{ period: { from: `${first}-01`, to: lastDayOf(last) }, hasDebt: debtKopecks > 0, amountKopecks: debtKopecks }],
      },
      provenance: provenance('gis-zhkh', receivedAt),
    });
  }

  return applicantFactsSchema.parse({ schemaVersion: '1.0', subject: identifiers(member.person), facts, outcomes });
}

function byRole(persona: Persona, ...roles: HouseholdMember['role'][]): HouseholdMember[] {
  return persona.members.filter((m) => roles.includes(m.role));
}

function one(members: HouseholdMember[], what: string, persona: Persona): HouseholdMember {
  const m = members[0];
  if (m === undefined) throw new Error(`Persona ${persona.id} has no ${what}`);
  return m;
}

export interface BuiltCase {
  readonly application: Application;
  readonly facts: ApplicationFacts;
}

/**
 * The application a person would file for the persona's measure. `applicantKey` lets a scenario file a second
 * application as another member (the birth-gift duplicate: the father applies after the mother).
 */
export function buildCase(c: PersonaCase, applicantKey?: string): BuiltCase {
  const { persona, decisionDate } = c;
  const applicant = applicantKey === undefined ? one(byRole(persona, 'applicant'), 'applicant', persona) : one(persona.members.filter((m) => m.key === applicantKey), applicantKey, persona);
  const others = persona.members.filter((m) => m !== applicant);
  const children = byRole(persona, 'child');
  const f = (m: HouseholdMember) => memberFacts(m, decisionDate);
  const base = { applicationId: `${persona.id}/${applicant.key}`, applicationDate: decisionDate, applicant: identifiers(applicant.person) };
  switch (c.measure) {
    case 'survivor-allowance': {
      const deceased = one([...others.filter((m) => (m.agencies.zags?.deaths.length ?? 0) > 0), ...byRole(persona, 'spouse')], 'deceased parent', persona);
      const application = applicationSchema.parse({ ...base, measure: c.measure, children: children.map((m) => ({ person: identifiers(m.person), fullTimeStudent: false })), deceasedParent: identifiers(deceased.person) });
      return { application, facts: { applicant: f(applicant), deceasedParent: f(deceased), children: children.map(f) } };
    }
    case 'disabled-child-allowance': {
      const child = one(others.filter((m) => m.agencies.fri !== undefined || m.role === 'child' || m.role === 'other').sort((x, y) => Number(y.agencies.fri !== undefined) - Number(x.agencies.fri !== undefined)), 'child', persona);
      const application = applicationSchema.parse({ ...base, measure: c.measure, child: identifiers(child.person), applicantRelationship: applicant.role === 'guardian' ? 'guardian' : child.role === 'child' ? 'parent' : 'other' });
      return { application, facts: { applicant: f(applicant), children: [f(child)] } };
    }
    case 'utility-compensation': {
      const childGround = c.tags.includes('ground:family-with-disabled-child');
      const disabledChild = childGround ? one(others.filter((m) => m.agencies.fri?.disability?.group === 'child'), 'disabled child', persona) : undefined;
      const application = applicationSchema.parse({ ...base, measure: c.measure, ground: childGround ? 'disabled-child' : 'own-disability', ...(disabledChild === undefined ? {} : { disabledChild: identifiers(disabledChild.person) }) });
      return { application, facts: { applicant: f(applicant), ...(disabledChild === undefined ? {} : { disabledChild: f(disabledChild) }) } };
    }
    case 'birth-gift': {
      const otherParent = others.find((m) => m.role === 'spouse' || m.role === 'applicant');
      const application = applicationSchema.parse({ ...base, measure: c.measure, children: children.map((m) => identifiers(m.person)), ...(otherParent === undefined ? {} : { otherParent: identifiers(otherParent.person) }) });
      return { application, facts: { applicant: f(applicant), children: children.map(f), ...(otherParent === undefined ? {} : { otherParent: f(otherParent) }) } };
    }
    case 'children-3-to-7': {
      const family = others.filter((m) => m.role !== 'child');
      const application = applicationSchema.parse({ ...base, measure: c.measure, children: children.map((m) => identifiers(m.person)), familyMembers: family.map((m) => identifiers(m.person)) });
      return { application, facts: { applicant: f(applicant), children: children.map(f), familyMembers: family.map(f) } };
    }
  }
}
