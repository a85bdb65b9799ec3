/** Small helpers the six agency specs share: malformed-request mutations and node-soap argument pieces. */
import type { HouseholdMember } from './personas.ts';

export const dropElement = (name: string) => (xml: string): string => {
  const next = xml.replace(new RegExp(`<${name}>[\\s\\S]*?</${name}>`), '');
  if (next === xml) throw new Error(`the request has no <${name}> to drop`);
  return next;
};

/** An SNILS without its separators breaks SnilsType's NNN-NNN-NNN NN pattern. */
export const badSnils = (xml: string): string => {
  const next = xml.replace(/<Snils>[^<]*<\/Snils>/, '<Snils>12345678964</Snils>');
  if (next === xml) throw new Error('the request has no <Snils>');
  return next;
};

export const malformedCases = (required: string, names = new RegExp(required)) => [
  { what: `the required <${required}> missing`, mutate: dropElement(required), names },
  { what: 'a SNILS that breaks the pattern', mutate: badSnils, names: /Snils|12345678964/ },
];

export function personArgs(m: HouseholdMember): Record<string, string> {
  const n = m.person.name;
  return { FamilyName: n.family, FirstName: n.first, ...(n.patronymic === undefined ? {} : { Patronymic: n.patronymic }) };
}
