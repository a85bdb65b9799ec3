import type { FactsQuery } from '../../core/adapter/index.ts';
import { fnsContract } from '../../core/contracts/index.ts';
import type { IdentityDocument } from '../../core/facts/index.ts';
import {
  cannotExpress,
  compactSeries,
  groupElement,
  optionalSnils,
  payloadRoot,
  periodElement,
  personNameElement,
  requiredIdentityDocument,
  textElement,
  wholeCalendarYear,
} from '../xml/index.ts';

const AGENCY = fnsContract.agency;

/**
 * IncomeRequest (2-NDFL style). The person is found by SNILS and/or personal INN, and the contract also requires
 * an identity document. A period that is exactly one calendar year goes as ReportYear, the way the real service
 * is asked; any other period as From/To.
 */
export function buildIncomeRequest(query: FactsQuery): string {
  const { subject } = query;
  const snils = optionalSnils(query, AGENCY);
  // Only a person's 12-digit INN identifies an income recipient; a 10-digit one belongs to an organisation.
  const inn = subject.inn !== undefined && /^\d{12}$/.test(subject.inn) ? subject.inn : undefined;
  if (snils === undefined && inn === undefined) {
    throw cannotExpress(AGENCY, 'the subject has neither a SNILS nor a personal (12-digit) INN');
  }
  const period = query.period;
  if (!period) throw cannotExpress(AGENCY, 'income is reported for a period and the query has none');
  if (period.from > period.to) throw cannotExpress(AGENCY, `the period starts (${period.from}) after it ends (${period.to})`);
  const year = wholeCalendarYear(period);

  return payloadRoot(fnsContract.namespace, 'IncomeRequest', [
    textElement('Snils', snils),
    textElement('Inn', inn),
    personNameElement(subject.name),
    textElement('BirthDate', subject.birthDate),
    identityDocumentElement(requiredIdentityDocument(query, AGENCY)),
    year === undefined ? periodElement(period) : textElement('ReportYear', year),
  ]);
}

function identityDocumentElement(document: IdentityDocument) {
  return groupElement('IdentityDocument', [
    textElement('DocumentCode', document.kindCode),
    textElement('SeriesNumber', seriesNumber(document)),
  ]);
}

/** The tax service writes a Russian passport as "NN NN NNNNNN"; other documents as series and number with a space. */
export function seriesNumber(document: IdentityDocument): string {
  const series = compactSeries(document.series);
  const number = document.number.trim();
  if (document.kindCode === '21' && series !== undefined && /^\d{4}$/.test(series) && /^\d{6}$/.test(number)) {
    return `${series.slice(0, 2)} ${series.slice(2)} ${number}`;
  }
  return series === undefined ? number : `${series} ${number}`;
}
