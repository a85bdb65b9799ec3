import { describe, expect, it } from 'vitest';
import { friDisabilityAdapter } from '../../adapters/index.ts';
import { expectBadResponse, expectFacts, fixture, provenance, read } from './_support.ts';

const extract = fixture('fri/disability-response.xml');

describe('the disability registry adapter', () => {
  it('normalizes the sample extract, group 4 becoming a disabled child', () => {
    expect(expectFacts(read(friDisabilityAdapter, extract))).toEqual({
      disability: [
        {
          data: {
            group: 'child',
            since: '2022-05-17',
            until: '2034-09-03',
            reExaminationDate: '2027-05-01',
            causeCode: '11',
            causeText: 'Ребёнок-инвалид',
            primary: false,
            mseAct: { number: '1234.5.86/2022', date: '2022-05-17' },
            mseCertificate: { series: 'МСЭ-2021', number: '0123456', date: '2022-05-18' },
          },
          provenance: provenance('fri'),
        },
      ],
    });
  });

  it('reads group 7 as no disability and groups 1–3 as themselves', () => {
    const groupOf = (code: string) =>
      expectFacts(read(friDisabilityAdapter, extract.replace('<f:Group>4</f:Group>', `<f:Group>${code}</f:Group>`))).disability?.[0]?.data.group;
    expect(groupOf('7')).toBe('none');
    expect(['1', '2', '3'].map(groupOf)).toEqual(['1', '2', '3']);
  });

  it('leaves out an undated certificate, which the model cannot hold', () => {
    const undated = extract.replace('<f:Date>2022-05-18</f:Date>', '');
    expect(expectFacts(read(friDisabilityAdapter, undated)).disability?.[0]?.data.mseCertificate).toBeUndefined();
  });

  it('maps NotRegistered to no-data', () => {
    expect(read(friDisabilityAdapter, fixture('fri/disability-response-not-registered.xml'))).toEqual({
      kind: 'no-data',
      reason: 'fri holds no data on the subject (NotRegistered)',
    });
  });

  it('refuses a group the registry does not define', () => {
    expectBadResponse(read(friDisabilityAdapter, extract.replace('<f:Group>4</f:Group>', '<f:Group>5</f:Group>')), /Group/, /'5'/);
  });

  it('refuses a SNILS whose check digits are wrong, naming the element', () => {
    expectBadResponse(read(friDisabilityAdapter, extract.replace('123-456-789 64', '123-456-789 65')), 'DisabilityExtract/Snils', /check digits/);
  });

  it('refuses validity that ends before it starts', () => {
    expectBadResponse(read(friDisabilityAdapter, extract.replace('2034-09-03', '2020-01-01')), /Until 2020-01-01 is before Since/);
  });
});
