import type { BirthRecordFactData, DeathRecordFactData, PartialFacts, RecordedParent, RegistryOffice } from '../../core/facts/index.ts';
import { AnswerProblem, elementPath, type NormalizeContext, type PayloadReader } from '../xml/index.ts';

/**
 * BirthRecordsResponse/Births → birth-record facts, the child with the parents the record names (mother first).
 * The model needs at least one parent; a record naming neither is refused as unreadable rather than invented.
 */
export function normalizeBirthRecords(root: Element, read: PayloadReader, ctx: NormalizeContext): PartialFacts<'births'> {
  const births = read.children(read.child(root, 'Births'), 'Birth', 1).map((birth) => {
    const child = read.child(birth, 'Child');
    const parents = [parent(birth, 'Mother', 'mother', read), parent(birth, 'Father', 'father', read)].filter(
      (entry): entry is RecordedParent => entry !== undefined,
    );
    if (parents.length === 0) throw new AnswerProblem(elementPath(birth), 'the record names neither a mother nor a father');
    const childGender = read.optionalGender(child, 'Gender');
    // Read for validation only: the birth fact has no place for the child's SNILS (see the report).
    read.optionalSnils(child, 'Snils');
    const data: BirthRecordFactData = {
      child: read.personName(child),
      childBirthDate: read.date(child, 'BirthDate'),
      ...(childGender === undefined ? {} : { childGender }),
      parents,
      act: act(birth, read),
      registryOffice: registryOffice(birth, read),
    };
    return { data, provenance: ctx.provenance };
  });
  return { births };
}

/** DeathRecordsResponse/Deaths → death-record facts. */
export function normalizeDeathRecords(root: Element, read: PayloadReader, ctx: NormalizeContext): PartialFacts<'deaths'> {
  const deaths = read.children(read.child(root, 'Deaths'), 'Death', 1).map((death) => {
    const deceased = read.child(death, 'Deceased');
    const birthDate = read.optionalDate(deceased, 'BirthDate');
    const snils = read.optionalSnils(deceased, 'Snils');
    const deathDate = read.date(death, 'DeathDate');
    if (birthDate !== undefined && deathDate < birthDate) {
      throw new AnswerProblem(elementPath(death), `DeathDate ${deathDate} is before the BirthDate ${birthDate}`);
    }
    const data: DeathRecordFactData = {
      person: read.personName(deceased),
      ...(birthDate === undefined ? {} : { birthDate }),
      ...(snils === undefined ? {} : { snils }),
      deathDate,
      act: act(death, read),
      registryOffice: registryOffice(death, read),
    };
    return { data, provenance: ctx.provenance };
  });
  return { deaths };
}

function parent(birth: Element, element: string, role: RecordedParent['role'], read: PayloadReader): RecordedParent | undefined {
  const person = read.optionalChild(birth, element);
  if (!person) return undefined;
  const birthDate = read.optionalDate(person, 'BirthDate');
  const snils = read.optionalSnils(person, 'Snils');
  return {
    role,
    name: read.personName(person),
    ...(birthDate === undefined ? {} : { birthDate }),
    ...(snils === undefined ? {} : { snils }),
  };
}

function act(record: Element, read: PayloadReader) {
  const element = read.child(record, 'Act');
  return { number: read.text(element, 'Number'), date: read.date(element, 'Date') };
}

function registryOffice(record: Element, read: PayloadReader): RegistryOffice {
  const office = read.child(record, 'RegistryOffice');
  const code = read.optionalText(office, 'Code');
  return { name: read.text(office, 'Name'), ...(code === undefined ? {} : { code }), regionCode: read.text(office, 'RegionCode') };
}
