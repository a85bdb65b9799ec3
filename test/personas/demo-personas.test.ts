import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isValidInn, isValidSnils } from '../../core/facts/index.ts';
import { listPersonaFiles, readPersonaDirectory } from '../../simulators/engine/persona-files.ts';
import { PersonaIndex } from '../../simulators/engine/persona-index.ts';
import { personaFileSchema, type Persona } from '../../simulators/engine/persona-schema.ts';

const PERSONA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/personas');
const MEASURES = ['survivor', 'disabled-child', 'utility-compensation', 'birth-gift', 'children-3-7'] as const;
const OUTCOMES = ['granted', 'refused', 'manual-review'] as const;

const files = listPersonaFiles(PERSONA_DIR);
const loaded = files.map((file) => {
  const parsed = personaFileSchema.parse(JSON.parse(readFileSync(join(PERSONA_DIR, file), 'utf8')));
  return { file, personas: (Array.isArray(parsed) ? parsed : [parsed]) as Persona[] };
});
const personas = loaded.flatMap((entry) => entry.personas.map((persona) => ({ file: entry.file, persona })));
const tagValues = (persona: Persona, prefix: string): string[] =>
  persona.tags.filter((tag) => tag.startsWith(`${prefix}:`)).map((tag) => tag.slice(prefix.length + 1));

/** Every SNILS or INN anywhere in a persona: members, people named in birth and death records, paying agents. */
function identifiers(persona: Persona): { kind: 'snils' | 'inn'; value: string; where: string }[] {
  const found: { kind: 'snils' | 'inn'; value: string; where: string }[] = [];
  for (const member of persona.members) {
    const at = `${persona.id}/${member.key}`;
    if (member.person.snils) found.push({ kind: 'snils', value: member.person.snils, where: at });
    if (member.person.inn) found.push({ kind: 'inn', value: member.person.inn, where: at });
    for (const birth of member.agencies.zags?.births ?? []) {
      for (const who of [birth.child, birth.mother, birth.father]) if (who?.snils) found.push({ kind: 'snils', value: who.snils, where: `${at} birth record` });
    }
    for (const death of member.agencies.zags?.deaths ?? []) if (death.person.snils) found.push({ kind: 'snils', value: death.person.snils, where: `${at} death record` });
    for (const income of member.agencies.fns?.incomes ?? []) found.push({ kind: 'inn', value: income.agentInn, where: `${at} income from ${income.agentName}` });
  }
  return found;
}

describe('demo personas in fixtures/personas', () => {
  it('are a few dozen files, one persona each, named after the persona id', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const entry of loaded) {
      expect(entry.personas, entry.file).toHaveLength(1);
      expect(entry.file).toBe(`${entry.personas[0]?.id}.json`);
    }
  });

  it('every file parses with personaFileSchema', () => {
    for (const file of files) {
      const result = personaFileSchema.safeParse(JSON.parse(readFileSync(join(PERSONA_DIR, file), 'utf8')));
      expect(result.success ? [] : result.error.issues, file).toEqual([]);
    }
  });

  it('load into the simulator engine without a single issue or cross-file conflict', () => {
    const read = readPersonaDirectory(PERSONA_DIR);
    expect(read.issues).toEqual([]);
    const built = PersonaIndex.build(read.personas);
    expect('issues' in built ? built.issues : []).toEqual([]);
  });

  it('every SNILS and INN passes its checksum', () => {
    const bad = personas.flatMap(({ persona }) => identifiers(persona)).filter((id) => !(id.kind === 'snils' ? isValidSnils(id.value) : isValidInn(id.value)));
    expect(bad).toEqual([]);
  });

  it('every person\'s INN is a 12-digit personal INN', () => {
    const bad = personas.flatMap(({ persona }) => persona.members.filter((m) => m.person.inn !== undefined && !/^\d{12}$/.test(m.person.inn)).map((m) => `${persona.id}/${m.key}`));
    expect(bad).toEqual([]);
  });

  it('no two members share a SNILS, within a file or across files', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const { persona } of personas) {
      for (const member of persona.members) {
        const snils = member.person.snils;
        if (snils === undefined) continue;
        const digits = snils.replace(/\D/g, '');
        const at = `${persona.id}/${member.key}`;
        const earlier = owner.get(digits);
        if (earlier !== undefined) clashes.push(`${snils}: ${earlier} and ${at}`);
        owner.set(digits, at);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('a SNILS quoted in a birth or death record belongs to a member of the same persona with the same name', () => {
    const mismatches: string[] = [];
    for (const { persona } of personas) {
      const bySnils = new Map(persona.members.filter((m) => m.person.snils).map((m) => [m.person.snils, m.person]));
      for (const member of persona.members) {
        const quoted = [
          ...(member.agencies.zags?.births ?? []).flatMap((b) => [b.child, b.mother, b.father]),
          ...(member.agencies.zags?.deaths ?? []).map((d) => d.person),
        ];
        for (const who of quoted) {
          if (!who?.snils) continue;
          const person = bySnils.get(who.snils);
          if (!person || person.name.family !== who.name.family || person.name.first !== who.name.first || person.birthDate !== who.birthDate) {
            mismatches.push(`${persona.id}/${member.key}: ${who.snils}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('each persona is tagged with exactly one measure, one expected outcome and a decision date in November or December 2026', () => {
    for (const { persona } of personas) {
      const measures = tagValues(persona, 'measure');
      expect(measures, persona.id).toHaveLength(1);
      expect(MEASURES, persona.id).toContain(measures[0]);
      const outcomes = tagValues(persona, 'outcome');
      expect(outcomes, persona.id).toHaveLength(1);
      expect(OUTCOMES, persona.id).toContain(outcomes[0]);
      const dates = tagValues(persona, 'decision-date');
      expect(dates, persona.id).toHaveLength(1);
      expect(dates[0], persona.id).toMatch(/^2026-1[12]-\d{2}$/);
      expect(persona.description, persona.id).toContain(`Decision date ${dates[0]}`);
    }
  });

  it('each of the five measures has at least one persona, granted and refused alike', () => {
    for (const measure of MEASURES) {
      const ofMeasure = personas.filter(({ persona }) => persona.tags.includes(`measure:${measure}`));
      expect(ofMeasure.length, measure).toBeGreaterThan(0);
      expect(ofMeasure.some(({ persona }) => persona.tags.includes('outcome:granted')), `${measure} granted`).toBe(true);
      expect(ofMeasure.some(({ persona }) => persona.tags.includes('outcome:refused')), `${measure} refused`).toBe(true);
    }
  });

  it('every refusal reason in benefit-rules.md has a persona', () => {
    const reasons = (measure: string): Set<string> =>
      new Set(personas.filter(({ persona }) => persona.tags.includes(`measure:${measure}`)).flatMap(({ persona }) => tagValues(persona, 'reason')));
    expect([...reasons('survivor')]).toEqual(expect.arrayContaining(['no-death-record', 'deceased-not-parent', 'over-age-limit', 'not-resident']));
    expect([...reasons('disabled-child')]).toEqual(expect.arrayContaining(['no-disability-record', 'disability-expired', 'over-18', 'applicant-not-parent', 'not-resident']));
    expect([...reasons('utility-compensation')]).toEqual(expect.arrayContaining(['no-disability-record', 'disability-expired', 'no-accounts-at-address', 'not-resident', 'debt']));
    expect([...reasons('birth-gift')]).toEqual(expect.arrayContaining(['birth-registered-outside-region', 'no-parent-resident', 'too-late', 'duplicate']));
    expect([...reasons('children-3-7')]).toEqual(expect.arrayContaining(['child-outside-age-range', 'income-at-or-above-threshold', 'family-member-data-missing']));
  });

  it('manual review is exercised by a utility debt and by a family member unknown to the tax service', () => {
    const manual = personas.filter(({ persona }) => persona.tags.includes('outcome:manual-review')).map(({ persona }) => persona);
    expect(manual.some((p) => p.tags.includes('measure:utility-compensation') && p.members.some((m) => m.agencies['gis-zhkh']?.accounts.some((a) => a.debt !== undefined)))).toBe(true);
    expect(manual.some((p) => p.tags.includes('measure:children-3-7') && p.members.some((m) => m.role !== 'child' && m.agencies.fns === undefined))).toBe(true);
  });

  it('the golden case is a family of four with two children aged 3–7 on 60 000 ₽ a month in 2026', () => {
    const golden = personas.map(({ persona }) => persona).find((p) => p.tags.includes('golden'));
    expect(golden?.members).toHaveLength(4);
    const perMonth = new Map<string, number>();
    for (const member of golden?.members ?? []) {
      for (const income of member.agencies.fns?.incomes ?? []) perMonth.set(income.month, (perMonth.get(income.month) ?? 0) + Math.round(Number(income.amount) * 100));
    }
    expect(perMonth.size).toBeGreaterThanOrEqual(12);
    expect(new Set(perMonth.values())).toEqual(new Set([6_000_000]));
  });

  it('the README names 86 as the home region and lists every persona file', () => {
    const readme = readFileSync(join(PERSONA_DIR, 'README.md'), 'utf8');
    expect(readme).toMatch(/86[^\n]*home region/);
    const missing = files.filter((file) => !readme.includes(file));
    expect(missing).toEqual([]);
  });
});
