/**
 * @module demo-applications
 * Applications to the decision service built from the demo persona files, for the README tour, the stack tests
 * and the decisions bench: the applicant as the agencies know them (SNILS, name, birth date, identity document —
 * the tax service needs the document), and for the 3-to-7 payment the children and the rest of the family.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolvePersonasDir } from './stack-options.ts';

interface PersonaPerson {
  snils: string;
  name: { family: string; first: string; patronymic?: string };
  birthDate: string;
  documents?: { kind: string; series?: string; number: string; issuedOn: string }[];
}
interface PersonaFile {
  members: { role: string; person: PersonaPerson }[];
}

/** The tax service's identity-document kind codes (СПДУЛ); 91 is "other". */
const KIND_CODE: Readonly<Record<string, string>> = { 'passport-rf': '21', 'birth-certificate': '03', 'foreign-passport': '10' };

export type DemoMeasure = 'children-3-to-7' | 'utility-compensation';

function subject(p: PersonaPerson) {
  const document = p.documents?.[0];
  return {
    snils: p.snils,
    name: p.name,
    birthDate: p.birthDate,
    ...(document === undefined
      ? {}
      : { identityDocument: { kindCode: KIND_CODE[document.kind] ?? '91', ...(document.series === undefined ? {} : { series: document.series }), number: document.number, issueDate: document.issuedOn } }),
  };
}

/** `persona` is a file stem such as "children-3-7-sergeeva-golden-75". */
export function demoApplication(persona: string, measure: DemoMeasure, applicationDate: string, personasDir = 'fixtures/personas'): Record<string, unknown> {
  const file = JSON.parse(readFileSync(join(resolvePersonasDir(personasDir), `${persona}.json`), 'utf8')) as PersonaFile;
  const applicant = file.members.find((m) => m.role === 'applicant');
  if (applicant === undefined) throw new Error(`persona ${persona} has no applicant`);
  if (measure === 'utility-compensation') return { measure, applicationDate, applicant: subject(applicant.person) };
  return {
    measure,
    applicationDate,
    applicant: subject(applicant.person),
    children: file.members.filter((m) => m.role === 'child').map((m) => subject(m.person)),
    familyMembers: file.members.filter((m) => m.role !== 'applicant' && m.role !== 'child').map((m) => subject(m.person)),
  };
}
