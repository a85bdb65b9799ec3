import type { FactsQuery } from '../../core/adapter/index.ts';
import { gisZhkhContract } from '../../core/contracts/index.ts';
import {
  cannotExpress,
  compactSeries,
  groupElement,
  payloadRoot,
  personNameElement,
  requiredIdentityDocument,
  requiredSnils,
  textElement,
} from '../xml/index.ts';

const AGENCY = gisZhkhContract.agency;

/**
 * The dwelling whose accounts are wanted. The housing system is searched by house, not by person, and the core
 * FactsQuery has no field for a dwelling, so the gateway passes it alongside as `dwelling` (typically the
 * registered address from the residence facts: its FIAS GUID and text).
 */
export interface Dwelling {
  readonly fiasHouseGuid?: string;
  readonly address?: string;
}

export interface HousingFactsQuery extends FactsQuery {
  readonly dwelling?: Dwelling;
}

/** Reads `dwelling` off any query without trusting its shape (the gateway's query is a plain object). */
export function dwellingOf(query: FactsQuery): Dwelling | undefined {
  const candidate: unknown = (query as HousingFactsQuery).dwelling;
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const { fiasHouseGuid, address } = candidate as Record<string, unknown>;
  const guid = typeof fiasHouseGuid === 'string' && fiasHouseGuid.trim() !== '' ? fiasHouseGuid.trim() : undefined;
  const text = typeof address === 'string' && address.trim() !== '' ? address.trim() : undefined;
  return guid === undefined && text === undefined ? undefined : { fiasHouseGuid: guid, address: text };
}

/**
 * UtilityAccrualsRequest: the applicant (SNILS, name, identity document — all required by the contract), the
 * house, and the months. The query's period becomes a month range; an as-of date alone asks for its month.
 */
export function buildUtilityAccrualsRequest(query: FactsQuery): string {
  const { subject } = query;
  const dwelling = dwellingOf(query);
  if (!dwelling) throw cannotExpress(AGENCY, 'the query names no dwelling (dwelling.fiasHouseGuid or dwelling.address)');
  const document = requiredIdentityDocument(query, AGENCY);
  const months = monthRange(query);

  return payloadRoot(gisZhkhContract.namespace, 'UtilityAccrualsRequest', [
    groupElement('Applicant', [
      textElement('Snils', requiredSnils(query, AGENCY)),
      personNameElement(subject.name),
      groupElement('IdentityDocument', [
        textElement('DocumentCode', document.kindCode),
        textElement('Series', compactSeries(document.series)),
        textElement('Number', document.number.trim()),
      ]),
    ]),
    groupElement('House', [textElement('FiasHouseGuid', dwelling.fiasHouseGuid), textElement('Address', dwelling.address)]),
    groupElement('Period', [textElement('From', months.from), textElement('To', months.to)]),
  ]);
}

function monthRange(query: FactsQuery): { from: string; to: string } {
  if (query.period) {
    if (query.period.from > query.period.to) {
      throw cannotExpress(AGENCY, `the period starts (${query.period.from}) after it ends (${query.period.to})`);
    }
    return { from: query.period.from.slice(0, 7), to: query.period.to.slice(0, 7) };
  }
  if (query.asOf) return { from: query.asOf.slice(0, 7), to: query.asOf.slice(0, 7) };
  throw cannotExpress(AGENCY, 'the query has neither a period nor an as-of date');
}
