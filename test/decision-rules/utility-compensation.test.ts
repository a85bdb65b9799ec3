import { describe, expect, it } from 'vitest';
import type { AgencyCode, AgencyOutcome, DisabilityFactData, HousingAccountFactData, ServiceAccrual } from '../../core/facts/index.ts';
import { parametersOn } from '../../decision/parameters/index.ts';
import { decideApplication, renderTrace, type Decision, type UtilityApplication } from '../../decision/rules/index.ts';
import { factsFor, person, registration } from './build-facts.ts';

const applicant = person('Васильев', '1964-03-09');
const child = person('Шарипова', '2013-02-06');
const HOME = '11111111-1111-4111-8111-111111111111';
const ELSEWHERE = '22222222-2222-4222-8222-222222222222';

function service(serviceCode: string, serviceKind: ServiceAccrual['serviceKind'], amountKopecks: number, perPerson?: boolean): ServiceAccrual {
  return { serviceCode, serviceKind, amountKopecks, ...(perPerson === undefined ? {} : { perPerson }) };
}

function account(o: { areaHundredths: number; persons: number; services: ServiceAccrual[]; fias?: string; debt?: number; olderMonth?: ServiceAccrual[] }): HousingAccountFactData {
  return {
    accountId: '8633178412',
    address: o.fias === undefined ? 'г. Тест, регион 86' : 'г. Тест, ул. Другая, д. 1',
    fiasGuid: o.fias ?? HOME,
    livingAreaHundredthsM2: o.areaHundredths,
    registeredPersons: o.persons,
    // The latest month is what counts; an older month with other amounts is listed first on purpose.
    accruals: [{ month: '2026-10', services: o.services }, { month: '2026-09', services: o.olderMonth ?? [service('HEATING', 'utility', 999_999)] }],
    payments: [],
    debts: [{ period: { from: '2026-05-01', to: '2026-10-31' }, hasDebt: (o.debt ?? 0) > 0, amountKopecks: o.debt ?? 0 }],
  };
}

interface Options {
  date?: string;
  accounts: HousingAccountFactData[];
  disability?: DisabilityFactData[];
  childDisability?: DisabilityFactData[];
  region?: string;
  registrationFias?: string;
  outcomes?: Partial<Record<AgencyCode, AgencyOutcome['status']>>;
  unverified?: AgencyCode[];
}

function decide(o: Options): Decision {
  const date = o.date ?? '2026-11-16';
  const childGround = o.childDisability !== undefined;
  const application: UtilityApplication = childGround
    ? { measure: 'utility-compensation', applicationDate: date, applicant, ground: 'disabled-child', disabledChild: child }
    : { measure: 'utility-compensation', applicationDate: date, applicant, ground: 'own-disability' };
  const own = o.disability ?? (childGround ? [] : [{ group: '2', since: '2019-04-10' }]);
  const facts = {
    applicant: factsFor(
      applicant,
      { ...(own.length > 0 ? { disability: own } : {}), residence: [registration(o.region ?? '86', '1999-11-11', undefined, o.registrationFias ?? HOME)], ...(o.accounts.length > 0 ? { housing: o.accounts } : {}) },
      { ...(own.length === 0 ? { fri: 'no-data' as const } : {}), ...(o.accounts.length === 0 ? { 'gis-zhkh': 'no-data' as const } : {}), ...o.outcomes },
      o.unverified,
    ),
    ...(childGround ? { disabledChild: factsFor(child, { disability: o.childDisability ?? [] }) } : {}),
  };
  return decideApplication(application, facts, parametersOn(date));
}

function codes(d: Decision): string[] {
  return d.kind === 'granted' ? d.notGranted.map((r) => r.code) : d.reasons.map((r) => r.code);
}

function amount(d: Decision): number | undefined {
  return d.kind === 'granted' ? d.amountKopecks : undefined;
}

describe('utility compensation', () => {
  it('grants for own disability groups 1, 2 and 3', () => {
    for (const group of ['1', '2', '3'] as const) {
      const d = decide({ disability: [{ group, since: '2020-01-01' }], accounts: [account({ areaHundredths: 3000, persons: 1, services: [service('HEATING', 'utility', 200_000)] })] });
      expect(amount(d), `group ${group}`).toBe(100_000);
    }
  });

  it('computes one person in 40 m² (norm 33 m²): housing 1 000.01 ₽ × 33/40 × 50 % + utility 333.33 ₽ × 50 % = 579.17 ₽', () => {
    // 100 001 × 33/40 / 2 = 41 250.4125 kopecks; 33 333 / 2 = 16 666.5; sum 57 916.9125 → 57 917.
    const d = decide({ accounts: [account({ areaHundredths: 4000, persons: 1, services: [service('MAINTENANCE', 'housing', 100_001), service('ELECTRICITY', 'utility', 33_333)] })] });
    expect(amount(d)).toBe(57_917);
  });

  it('rounds half up once at the end, not per service: two utility halves of 5 000.5 kopecks give 100.01 ₽, not 100.02 ₽', () => {
    const d = decide({ accounts: [account({ areaHundredths: 3000, persons: 1, services: [service('COLD_WATER', 'utility', 10_001), service('HOT_WATER', 'utility', 10_001)] })] });
    expect(amount(d)).toBe(10_001);
    const half = decide({ accounts: [account({ areaHundredths: 3000, persons: 1, services: [service('COLD_WATER', 'utility', 10_001)] })] });
    expect(amount(half)).toBe(5_001);
  });

  it('takes the disabled person’s share of three registered residents, with the 54 m² norm for three: 3 000 ₽ housing in 60 m² and 1 000.01 ₽ utilities → 616.67 ₽', () => {
    // Housing: 300 000 × 54/60 ÷ 3 × 50 % = 45 000; utility: 100 001 ÷ 3 × 50 % = 16 666.8333…; total 61 666.8333… → 61 667.
    const d = decide({ date: '2026-11-19', disability: [{ group: '1', since: '2022-06-01' }], accounts: [account({ areaHundredths: 6000, persons: 3, services: [service('MAINTENANCE', 'housing', 300_000), service('HEATING', 'utility', 100_001)] })] });
    expect(amount(d)).toBe(61_667);
  });

  it('applies the 42 m² norm for two registered residents and no cap at exactly the norm', () => {
    // 200 000 × 42/50 ÷ 2 × 50 % = 42 000.
    const two = decide({ accounts: [account({ areaHundredths: 5000, persons: 2, services: [service('MAINTENANCE', 'housing', 200_000)] })] });
    expect(amount(two)).toBe(42_000);
    const atNorm = decide({ accounts: [account({ areaHundredths: 3300, persons: 1, services: [service('MAINTENANCE', 'housing', 100_000)] })] });
    expect(amount(atNorm)).toBe(50_000);
    const justOver = decide({ accounts: [account({ areaHundredths: 3301, persons: 1, services: [service('MAINTENANCE', 'housing', 100_000)] })] });
    // 100 000 × 3300/3301 / 2 = 49 984.85… → 49 985.
    expect(amount(justOver)).toBe(49_985);
  });

  it('does not divide a charge the agency already made per person', () => {
    // 60 000 ÷ 3 × 50 % = 10 000 plus 30 000 (per person) × 50 % = 15 000.
    const d = decide({ accounts: [account({ areaHundredths: 4000, persons: 3, services: [service('HEATING', 'utility', 60_000), service('WASTE', 'utility', 30_000, true)] })] });
    expect(amount(d)).toBe(25_000);
  });

  it('grants a family with a disabled child on the child’s status, paid until it ends', () => {
    const d = decide({ date: '2026-11-20', childDisability: [{ group: 'child', since: '2019-02-20', until: '2031-02-06' }], accounts: [account({ areaHundredths: 3950, persons: 3, services: [service('HEATING', 'utility', 90_000)] })] });
    expect(d.kind).toBe('granted');
    if (d.kind === 'granted') {
      expect(d.amountKopecks).toBe(15_000);
      expect(d.period).toEqual({ from: '2026-11-01', to: '2031-02-06' });
      expect(d.payments[0]?.beneficiary.role).toBe('disabled-child');
    }
  });

  it('refuses a family whose child has an adult group, not the disabled-child category', () => {
    const d = decide({ childDisability: [{ group: '2', since: '2019-02-20' }], accounts: [account({ areaHundredths: 3950, persons: 3, services: [service('HEATING', 'utility', 90_000)] })] });
    expect(codes(d)).toEqual(['NO_VALID_DISABILITY']);
  });

  it('grants with disability until the decision date (inclusive) and refuses it the day after, or with no record', () => {
    const services = [service('HEATING', 'utility', 90_000)];
    const onDate = decide({ date: '2026-12-03', disability: [{ group: '3', since: '2025-12-03', until: '2026-12-03' }], accounts: [account({ areaHundredths: 2140, persons: 1, services })] });
    expect(onDate.kind === 'granted' && onDate.period).toEqual({ from: '2026-12-01', to: '2026-12-03' });
    const after = decide({ date: '2026-12-04', disability: [{ group: '3', since: '2025-12-03', until: '2026-12-03' }], accounts: [account({ areaHundredths: 2140, persons: 1, services })] });
    expect(codes(after)).toEqual(['NO_VALID_DISABILITY']);
    const none = decide({ disability: [], accounts: [account({ areaHundredths: 2140, persons: 1, services })] });
    expect(none.kind).toBe('refused');
    expect(codes(none)).toEqual(['NO_VALID_DISABILITY']);
  });

  it('sends a debt to manual review, never to a refusal', () => {
    const d = decide({ date: '2026-11-30', accounts: [account({ areaHundredths: 2980, persons: 1, services: [service('HEATING', 'utility', 90_000)], debt: 3_332_126 })] });
    expect(d.kind).toBe('manual-review');
    expect(codes(d)).toEqual(['UTILITY_DEBT']);
    if (d.kind === 'manual-review') expect(d.reasons[0]?.message).toContain('33 321.26 ₽');
  });

  it('refuses when no account is at the registered address, and when the agency has no accounts at all', () => {
    const elsewhere = decide({ accounts: [account({ areaHundredths: 1820, persons: 1, services: [service('HEATING', 'utility', 90_000)], fias: ELSEWHERE })] });
    expect(codes(elsewhere)).toEqual(['NO_ACCOUNTS_AT_ADDRESS']);
    const none = decide({ accounts: [] });
    expect(none.kind).toBe('refused');
    expect(codes(none)).toEqual(['NO_ACCOUNTS_AT_ADDRESS']);
  });

  it('counts only accounts of the dwelling registered in the region, not of a second registration elsewhere', () => {
    const application: UtilityApplication = { measure: 'utility-compensation', applicationDate: '2026-11-16', applicant, ground: 'own-disability' };
    const inRegion = { ...registration('86', '2026-01-01', '2027-01-01', HOME), kind: 'temporary' as const };
    const elsewhere = { ...registration('72', '1999-11-11', undefined, ELSEWHERE), address: { fullText: 'г. Тобольск', regionCode: '72', fiasGuid: ELSEWHERE } };
    const tobolsk = { ...account({ areaHundredths: 3000, persons: 1, services: [service('HEATING', 'utility', 90_000)], fias: ELSEWHERE }), address: 'г. Тобольск' };
    const facts = { applicant: factsFor(applicant, { disability: [{ group: '2', since: '2019-04-10' }], residence: [inRegion, elsewhere], housing: [tobolsk] }) };
    const d = decideApplication(application, facts, parametersOn('2026-11-16'));
    expect(d.kind).toBe('refused');
    expect(codes(d)).toEqual(['NO_ACCOUNTS_AT_ADDRESS']);
  });

  it('sends an account that reports no accruals to manual review instead of granting 0 ₽, and still refuses a failed condition', () => {
    const empty = { ...account({ areaHundredths: 3000, persons: 1, services: [] }), accruals: [] };
    const d = decide({ accounts: [empty] });
    expect(d.kind).toBe('manual-review');
    expect(codes(d)).toEqual(['FACT_UNAVAILABLE']);
    if (d.kind === 'manual-review') expect(d.reasons[0]?.facts[0]).toMatchObject({ agency: 'gis-zhkh', group: 'housing', agencyStatus: 'answered' });
    const expired = decide({ disability: [{ group: '3', since: '2020-01-01', until: '2026-10-01' }], accounts: [empty] });
    expect(codes(expired)).toEqual(['NO_VALID_DISABILITY']);
  });

  it('refuses an applicant registered outside the region', () => {
    const d = decide({ region: '72', accounts: [account({ areaHundredths: 2830, persons: 1, services: [service('HEATING', 'utility', 90_000)] })] });
    expect(d.kind).toBe('refused');
    expect(codes(d)).toEqual(['NOT_RESIDENT']);
  });

  for (const [agency, status] of [['fri', 'failed'], ['gis-zhkh', 'pending'], ['mvd', 'failed']] as const) {
    it(`sends ${agency} ${status} to manual review, never to a refusal`, () => {
      const d = decide({ region: '72', accounts: [account({ areaHundredths: 3000, persons: 1, services: [service('HEATING', 'utility', 90_000)], debt: 100 })], outcomes: { [agency]: status } });
      expect(d.kind).toBe('manual-review');
      expect(codes(d)[0]).toBe('FACT_UNAVAILABLE');
    });
  }

  it('sends an unverified housing answer to manual review', () => {
    const d = decide({ accounts: [account({ areaHundredths: 3000, persons: 1, services: [service('HEATING', 'utility', 90_000)] })], unverified: ['gis-zhkh'] });
    expect(d.kind).toBe('manual-review');
    expect(codes(d)).toEqual(['FACT_UNVERIFIED']);
  });

  it('shows each service’s share and the exact total in the trace', () => {
    const d = decide({ accounts: [account({ areaHundredths: 4000, persons: 1, services: [service('MAINTENANCE', 'housing', 100_001), service('ELECTRICITY', 'utility', 33_333)] })] });
    const text = renderTrace(d.trace);
    expect(text).toContain('norm 33.00 m², area share 33/40');
    expect(text).toContain('MAINTENANCE (housing): 1 000.01 ₽ × 33/40 ÷ 1 × 50 % = 412.50 ₽');
    expect(text).toContain('monthly compensation (half up): 579.17 ₽');
  });
});
