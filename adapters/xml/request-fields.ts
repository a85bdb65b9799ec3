import type { FactsQuery } from '../../core/adapter/index.ts';
import { KitError } from '../../core/errors/index.ts';
import { formatSnils, type DatePeriod, type FullName, type Gender, type IdentityDocument } from '../../core/facts/index.ts';
import { groupElement, textElement, type XmlFragment } from './write-xml.ts';

/**
 * Request fragments every contract shares (they all declare the same PersonNameType, SnilsType, GenderType and
 * PeriodType), and the checks that turn a query an agency cannot answer into ERR_VALIDATION before anything is
 * sent. `agency` only makes the messages say who needed the missing field.
 */

export function cannotExpress(agency: string, problem: string, details: Record<string, unknown> = {}): KitError {
  return new KitError('ERR_VALIDATION', `Cannot build the ${agency} request: ${problem}`, { agency, ...details });
}

/** SNILS in the contracts' pattern NNN-NNN-NNN NN; throws when the subject has none and the contract needs one. */
export function requiredSnils(query: FactsQuery, agency: string): string {
  const snils = optionalSnils(query, agency);
  if (snils === undefined) throw cannotExpress(agency, 'the subject has no SNILS, which this request requires');
  return snils;
}

export function optionalSnils(query: FactsQuery, agency: string): string | undefined {
  const snils = query.subject.snils;
  if (snils === undefined) return undefined;
  try {
    return formatSnils(snils);
  } catch {
    throw cannotExpress(agency, `"${snils}" is not a SNILS`);
  }
}

export function personNameElement(name: FullName, element = 'Person'): XmlFragment {
  return groupElement(element, [
    textElement('FamilyName', name.family.trim()),
    textElement('FirstName', name.first.trim()),
    textElement('Patronymic', name.patronymic?.trim() || undefined),
  ]);
}

export function genderCode(gender: Gender | undefined): string | undefined {
  if (gender === undefined) return undefined;
  return gender === 'male' ? 'M' : 'F';
}

/**
 * The period a period-based request asks about: the query's period, else the single day `asOf` (a pension or a
 * benefit "on a date" is a one-day period), else the query cannot be expressed.
 */
export function requiredPeriod(query: FactsQuery, agency: string): DatePeriod {
  if (query.period) {
    if (query.period.from > query.period.to) {
      throw cannotExpress(agency, `the period starts (${query.period.from}) after it ends (${query.period.to})`);
    }
    return query.period;
  }
  if (query.asOf) return { from: query.asOf, to: query.asOf };
  throw cannotExpress(agency, 'the query has neither a period nor an as-of date');
}

export function periodElement(period: DatePeriod, element = 'Period'): XmlFragment {
  return groupElement(element, [textElement('From', period.from), textElement('To', period.to)]);
}

/** The year when the period is exactly one calendar year (1 January to 31 December), else undefined. */
export function wholeCalendarYear(period: DatePeriod): string | undefined {
  const year = period.from.slice(0, 4);
  return period.from === `${year}-01-01` && period.to === `${year}-12-31` ? year : undefined;
}

export function requiredIdentityDocument(query: FactsQuery, agency: string): IdentityDocument {
  const document = query.subject.identityDocument;
  if (!document) throw cannotExpress(agency, 'the subject has no identity document, which this request requires');
  return document;
}

/** Series as people write it ("67 10") → as registers store it ("6710"). */
export function compactSeries(series: string | undefined): string | undefined {
  const compact = series?.replace(/\s+/g, '');
  return compact === '' ? undefined : compact;
}
