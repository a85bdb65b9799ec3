import { describe, expect, it } from 'vitest';
import { parametersOn } from '../../decision/parameters/index.ts';
import { formatRubles } from '../../decision/rules/exact-money.ts';
import { decideApplication, renderTrace, type Decision, type PreviousGrant } from '../../decision/rules/index.ts';
import { buildCase, loadPersonaCases, type PersonaCase } from './persona-to-facts.ts';

/**
 * Every demo household decided by the rules on its decision date, with facts built straight from the persona
 * (test/decision-rules/persona-to-facts.ts), must give the outcome its `outcome:` tag names and, for refusals and
 * manual reviews, the reason its `reason:` tags name.
 */

const REASON_CODES: Readonly<Record<string, readonly string[]>> = {
  'no-parent-resident': ['NO_PARENT_RESIDENT'],
  'birth-registered-outside-region': ['BIRTH_REGISTERED_OUTSIDE_REGION'],
  duplicate: ['ALREADY_GRANTED'],
  'too-late': ['APPLIED_TOO_LATE'],
  'income-at-or-above-threshold': ['INCOME_NOT_BELOW_THRESHOLD'],
  'family-member-data-missing': ['FAMILY_MEMBER_DATA_MISSING'],
  'child-outside-age-range': ['CHILD_OUTSIDE_AGE_RANGE'],
  'over-18': ['CHILD_OVER_AGE_LIMIT'],
  'over-age-limit': ['CHILD_OVER_AGE_LIMIT'],
  'no-child-disability': ['DISABILITY_NOT_VALID'],
  'applicant-not-parent': ['APPLICANT_NOT_PARENT'],
  'disability-expired': ['DISABILITY_NOT_VALID', 'NO_VALID_DISABILITY'],
  'no-disability-record': ['NO_DISABILITY_RECORD', 'NO_VALID_DISABILITY'],
  'not-resident': ['NOT_RESIDENT'],
  'no-death-record': ['NO_DEATH_RECORD'],
  'deceased-not-parent': ['DECEASED_NOT_PARENT'],
  'no-accounts-at-address': ['NO_ACCOUNTS_AT_ADDRESS'],
  debt: ['UTILITY_DEBT'],
};

function decide(c: PersonaCase, applicantKey?: string, previousGrants: readonly PreviousGrant[] = []): Decision {
  const { application, facts } = buildCase(c, applicantKey);
  return decideApplication(application, facts, parametersOn(application.applicationDate), { previousGrants });
}

function reasonCodes(decision: Decision): string[] {
  return decision.kind === 'granted' ? decision.notGranted.map((r) => r.code) : decision.reasons.map((r) => r.code);
}

/** "at 75% = 16 602.75 ₽" in a description → 1660275 kopecks per child. */
function expectedLevelKopecks(description: string): number | undefined {
  const match = /at \d+% = ([\d ]+(?:\.\d{2})?) ₽/.exec(description);
  if (match?.[1] === undefined) return undefined;
  const [rubles = '0', fraction = '00'] = match[1].replaceAll(' ', '').split('.');
  return Number(rubles) * 100 + Number(fraction);
}

/** "Per-capita income 21500.00 ₽" → 2150000. */
function describedPerCapitaKopecks(description: string): number | undefined {
  const match = /Per-capita income (\d+)\.(\d{2}) ₽/.exec(description);
  return match?.[1] === undefined || match[2] === undefined ? undefined : Number(match[1]) * 100 + Number(match[2]);
}

/** The README's KhMAO 2026 ladder: 50 %, then 75 %, then 100 % of 22 137 ₽ while per-capita income plus the payments stays below 22 102 ₽. */
function ladder(perCapitaKopecks: number, n: number, k: number): number {
  const minimum = 2_210_200;
  const child = 2_213_700;
  let chosen = 50;
  for (const next of [75, 100]) {
    // Compare in hundredths of a kopeck × n to stay in integers: perCapita + k × child × level/100 / n < minimum.
    if (perCapitaKopecks * n * 100 + k * child * chosen < minimum * n * 100) chosen = next;
    else break;
  }
  return (child * chosen) / 100;
}

const cases = loadPersonaCases();

describe('the demo personas decided by the rules on their decision dates', () => {
  it('finds all 45 personas with their measure, outcome and decision date', () => {
    expect(cases).toHaveLength(45);
  });

  for (const c of cases) {
    if (c.tags.includes('reason:duplicate')) continue;
    it(`${c.persona.id} is ${c.outcome}${c.reasons.length > 0 ? ` (${c.reasons.join(', ')})` : ''} on ${c.decisionDate}`, () => {
      const decision = decide(c);
      const codes = reasonCodes(decision);
      expect({ kind: decision.kind, codes }, renderTrace(decision.trace)).toMatchObject({ kind: c.outcome });
      for (const reason of c.reasons) {
        const expected = REASON_CODES[reason];
        expect(expected, `unknown reason tag ${reason}`).toBeDefined();
        expect(codes.some((code) => expected?.includes(code)), `${reason} → ${expected?.join('/')}; got ${codes.join(', ')}`).toBe(true);
      }
      if (c.measure === 'children-3-to-7') {
        const perCapita = describedPerCapitaKopecks(c.persona.description);
        if (perCapita !== undefined && c.outcome !== 'manual-review') expect(renderTrace(decision.trace)).toContain(`per-capita income: ${formatRubles(perCapita)}`);
        if (decision.kind === 'granted') {
          // The level the description names, else the ladder redone here from the described per-capita income.
          const level = expectedLevelKopecks(c.persona.description) ?? (perCapita === undefined ? undefined : ladder(perCapita, c.persona.members.length, decision.payments.length));
          expect(level, 'the description names neither a level nor a per-capita income').toBeDefined();
          expect(decision.payments.map((p) => p.amountKopecks)).toEqual(decision.payments.map(() => level));
        }
      }
    });
  }

  it('birth-gift-stepanova-duplicate: the mother is granted, then the father is refused as a duplicate', () => {
    const c = cases.find((x) => x.tags.includes('reason:duplicate'));
    expect(c).toBeDefined();
    if (c === undefined) return;
    const first = decide(c);
    expect(first.kind).toBe('granted');
    const { application, facts } = buildCase(c);
    const record = facts.children?.[0]?.facts.births[0]?.data;
    expect(record).toBeDefined();
    if (record === undefined || application.measure !== 'birth-gift') return;
    const grant: PreviousGrant = {
      measure: 'birth-gift',
      applicationId: application.applicationId ?? 'first',
      decisionDate: application.applicationDate,
      child: { name: record.child, birthDate: record.childBirthDate },
      birthAct: { number: record.act.number, date: record.act.date },
    };
    const father = c.persona.members.find((m) => m.role === 'spouse');
    const second = decide(c, father?.key, [grant]);
    expect(second.kind).toBe(c.outcome);
    expect(reasonCodes(second)).toEqual(['ALREADY_GRANTED']);
  });
});
