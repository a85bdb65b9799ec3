import { describe, expect, it } from 'vitest';
import type { AgencyAdapter, FactsQuery } from '../../core/adapter/index.ts';
import { isKitError } from '../../core/errors/index.ts';
import { parseXml } from '../../core/xml/index.ts';
import {
  ALL_ADAPTERS,
  fnsIncomeAdapter,
  friDisabilityAdapter,
  gisZhkhAccrualsAdapter,
  mvdRegistrationAdapter,
  sfrAssignedBenefitsAdapter,
  sfrPaymentsAdapter,
  zagsBirthsAdapter,
  zagsBirthsByParentAdapter,
  zagsDeathsAdapter,
} from '../../adapters/index.ts';
import { expectXsdValid, fullQuery, minimalQuery } from './_support.ts';

const asOfOnly: FactsQuery & { dwelling: { fiasHouseGuid: string } } = {
  subject: { ...fullQuery.subject, gender: 'male', name: { family: 'Петров', first: 'Иван', patronymic: 'Ильич' } },
  asOf: '2026-02-10',
  purpose: {},
  dwelling: { fiasHouseGuid: '5F1C8B7E-2D3A-4C6B-9E8F-0A1B2C3D4E5F' },
};

/** Which adapters need what a query may lack; the rest must build from every query above. */
const NEEDS_PERIOD = new Set<AgencyAdapter>([fnsIncomeAdapter]);

function expectCannotBuild(adapter: AgencyAdapter, query: FactsQuery, fragment: RegExp): void {
  let thrown: unknown;
  try {
    adapter.buildRequest(query);
  } catch (error) {
    thrown = error;
  }
  expect(isKitError(thrown, 'ERR_VALIDATION'), String(thrown)).toBe(true);
  expect((thrown as Error).message).toMatch(fragment);
}

describe('every built request', () => {
  for (const adapter of ALL_ADAPTERS) {
    const name = `${adapter.agency} ${adapter.messageType.localName}${adapter === zagsBirthsByParentAdapter ? ' (by parent)' : ''}`;
    for (const [label, query] of [
      ['with every optional field', fullQuery],
      ['with only what is required', minimalQuery],
      ['with an as-of date and no period', asOfOnly],
    ] as const) {
      if (label.startsWith('with an as-of') && NEEDS_PERIOD.has(adapter)) continue;
      it(`is XSD-valid for ${name} ${label}`, () => {
        const xml = adapter.buildRequest(query);
        expectXsdValid(adapter.agency, xml);
        const root = parseXml(xml).documentElement;
        expect({ namespaceUri: root.namespaceURI, localName: root.localName }).toEqual(adapter.messageType);
      });
    }
  }
});

describe('request contents', () => {
  it('write SNILS in the contract pattern whichever spelling the query used', () => {
    expect(sfrPaymentsAdapter.buildRequest(fullQuery)).toContain('<Snils>112-233-445 95</Snils>');
    expect(sfrPaymentsAdapter.buildRequest(minimalQuery)).toContain('<Snils>112-233-445 95</Snils>');
  });

  it('escape markup characters in names and addresses', () => {
    expect(sfrPaymentsAdapter.buildRequest(minimalQuery)).toContain('<FamilyName>Огly &amp; &lt;Сын&gt;</FamilyName>');
    expect(gisZhkhAccrualsAdapter.buildRequest(minimalQuery)).toContain('<Address>г. Сургут, ул. Ленина, д. 1 "А" &amp; &lt;корп. 2&gt;</Address>');
  });

  it('ask the tax service for a report year when the period is one calendar year, else for from/to', () => {
    expect(fnsIncomeAdapter.buildRequest(fullQuery)).toContain('<ReportYear>2025</ReportYear>');
    const partial = fnsIncomeAdapter.buildRequest(minimalQuery);
    expect(partial).toContain('<Period><From>2025-03-15</From><To>2025-09-14</To></Period>');
    expect(partial).not.toContain('ReportYear');
  });

  it('write a passport for the tax service as "NN NN NNNNNN" and for the others as series and number', () => {
    expect(fnsIncomeAdapter.buildRequest(fullQuery)).toContain('<SeriesNumber>67 10 123456</SeriesNumber>');
    expect(mvdRegistrationAdapter.buildRequest(fullQuery)).toContain('<Series>6710</Series><Number>123456</Number>');
  });

  it('send the personal INN to the tax service only when it has one, and SNILS otherwise', () => {
    expect(fnsIncomeAdapter.buildRequest(fullQuery)).toContain('<Inn>500100732259</Inn>');
    expect(fnsIncomeAdapter.buildRequest(minimalQuery)).not.toContain('<Inn>');
    const innOnly = { ...fullQuery, subject: { ...fullQuery.subject, snils: undefined } };
    const xml = fnsIncomeAdapter.buildRequest(innOnly);
    expect(xml).not.toContain('<Snils>');
    expectXsdValid('fns', xml);
  });

  it('turn an as-of date into a one-day period, a month, or OnDate as each contract asks', () => {
    expect(sfrPaymentsAdapter.buildRequest(asOfOnly)).toContain('<Period><From>2026-02-10</From><To>2026-02-10</To></Period>');
    expect(sfrAssignedBenefitsAdapter.buildRequest(asOfOnly)).toContain('<ReportPeriod><From>2026-02-10</From>');
    expect(gisZhkhAccrualsAdapter.buildRequest(asOfOnly)).toContain('<Period><From>2026-02</From><To>2026-02</To></Period>');
    expect(friDisabilityAdapter.buildRequest(asOfOnly)).toContain('<OnDate>2026-02-10</OnDate>');
    expect(friDisabilityAdapter.buildRequest(minimalQuery)).not.toContain('OnDate');
    expect(mvdRegistrationAdapter.buildRequest(asOfOnly)).toContain('<OnDate>2026-02-10</OnDate>');
  });

  it('search births by the subject as the child or as a parent', () => {
    expect(zagsBirthsAdapter.buildRequest(fullQuery)).toMatch(/^<BirthRecordsRequest [^>]+><Child>/);
    expect(zagsBirthsByParentAdapter.buildRequest(fullQuery)).toMatch(/^<BirthRecordsRequest [^>]+><Parent>/);
    expect(zagsDeathsAdapter.buildRequest(minimalQuery)).not.toContain('Patronymic');
  });
});

describe('a query an agency cannot be asked', () => {
  const noSnils: FactsQuery = { ...fullQuery, subject: { ...fullQuery.subject, snils: undefined } };
  const noDocument: FactsQuery = { ...fullQuery, subject: { ...fullQuery.subject, identityDocument: undefined } };

  it('fails with ERR_VALIDATION naming the missing SNILS', () => {
    for (const adapter of [sfrPaymentsAdapter, sfrAssignedBenefitsAdapter, friDisabilityAdapter, gisZhkhAccrualsAdapter]) {
      expectCannotBuild(adapter, noSnils, /no SNILS/);
    }
    expectCannotBuild(fnsIncomeAdapter, { ...noSnils, subject: { ...noSnils.subject, inn: undefined } }, /neither a SNILS nor a personal/);
  });

  it('fails naming the missing identity document, period, or dwelling', () => {
    expectCannotBuild(fnsIncomeAdapter, noDocument, /identity document/);
    expectCannotBuild(mvdRegistrationAdapter, noDocument, /identity document/);
    expectCannotBuild(fnsIncomeAdapter, { ...fullQuery, period: undefined }, /period/);
    expectCannotBuild(sfrPaymentsAdapter, { subject: fullQuery.subject, purpose: {} }, /neither a period nor an as-of/);
    expectCannotBuild(gisZhkhAccrualsAdapter, { subject: fullQuery.subject, period: fullQuery.period, purpose: {} }, /no dwelling/);
  });

  it('looks a minor up by the birth certificate, in the contract element for it', () => {
    const birthCertificate = { kindCode: '03', series: 'II-МЮ', number: '123456', issueDate: '2016-09-10' };
    const xml = mvdRegistrationAdapter.buildRequest({ ...fullQuery, subject: { ...fullQuery.subject, identityDocument: birthCertificate } });
    expect(xml).toContain('<BirthCertificate><Series>II-МЮ</Series><Number>123456</Number><IssueDate>2016-09-10</IssueDate></BirthCertificate>');
    expect(xml).not.toContain('<Passport>');
  });

  it('fails when the registration lookup gets neither a Russian passport nor a birth certificate', () => {
    const foreign = { kindCode: '10', series: 'AB', number: '1234567', issueDate: '2016-09-10' };
    expectCannotBuild(mvdRegistrationAdapter, { ...fullQuery, subject: { ...fullQuery.subject, identityDocument: foreign } }, /Russian passport .* or a birth certificate/);
  });

  it('fails with the schema reason when a value does not fit the contract', () => {
    const longName = { ...fullQuery, subject: { ...fullQuery.subject, name: { family: 'Щ'.repeat(61), first: 'А' } } };
    expectCannotBuild(sfrPaymentsAdapter, longName, /FamilyName/);
    expectCannotBuild(sfrPaymentsAdapter, { ...fullQuery, period: { from: '2025-12-01', to: '2025-01-01' } }, /starts .* after it ends/);
    expectCannotBuild(friDisabilityAdapter, { ...fullQuery, subject: { ...fullQuery.subject, name: { family: 'A\u0001', first: 'B' } } }, /control character/);
  });
});
