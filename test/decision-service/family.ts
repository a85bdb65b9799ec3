/**
 * A children-3-to-7 family for the service tests: mother (applicant), father (family member), two children aged
 * 3 and 5 on 2026-11-16, with a chosen monthly family income split between the parents. 60 000 ₽ a month is the
 * golden case: granted at 75 % = 16 602.75 ₽ per child (33 205.50 ₽ together).
 */
import type { CannedPerson } from './support.ts';
import { person } from './support.ts';

export const DATE = '2026-11-16';

function income(monthlyKopecks: number) {
  const entries = [];
  for (let y = 2025; y <= 2026; y++) {
    for (let m = 1; m <= 12; m++) {
      const month = `${y}-${String(m).padStart(2, '0')}`;
      if (month > '2026-10') break;
      entries.push({ month, agent: { name: 'ООО Работа', inn: '7707083893' }, incomeCode: '2000', amountKopecks: monthlyKopecks });
    }
  }
  return { period: { from: '2025-01', to: '2026-10' }, entries, reportedTotals: [] };
}

function birth(child: { name: { family: string; first: string }; birthDate: string }, actNumber: string) {
  return {
    child: child.name,
    childBirthDate: child.birthDate,
    parents: [{ role: 'mother' as const, name: { family: 'Мамина', first: 'Тест' }, birthDate: '1990-01-01' }],
    act: { number: actNumber, date: child.birthDate },
    registryOffice: { name: 'Отдел ЗАГС', regionCode: '86' },
  };
}

export function family(monthlyFamilyKopecks: number, options: { fatherFns?: 'failed' | 'no-data'; unverifiedZags?: boolean } = {}) {
  const mother = person('Мамина', '1990-01-01');
  const father = person('Папин', '1989-01-01');
  const child1 = person('Детская', '2023-05-01');
  const child2 = person('Детский', '2021-05-01');
  const half = monthlyFamilyKopecks / 2;
  const people = new Map<string, CannedPerson>([
    [mother.snils, { data: { income: [income(half)] }, outcomes: { sfr: 'no-data' } }],
    [father.snils, { data: { income: [income(half)] }, outcomes: { sfr: 'no-data', ...(options.fatherFns === undefined ? {} : { fns: options.fatherFns }) } }],
    [child1.snils, { data: { births: [birth(child1, '110001')], income: [income(0)] }, outcomes: { sfr: 'no-data' }, ...(options.unverifiedZags ? { unverified: ['zags'] as const } : {}) }],
    [child2.snils, { data: { births: [birth(child2, '110002')], income: [income(0)] }, outcomes: { sfr: 'no-data' } }],
  ]);
  const application = { measure: 'children-3-to-7', applicationDate: DATE, applicant: mother, children: [child1, child2], familyMembers: [father] };
  return { people, application, mother, father, children: [child1, child2] };
}
