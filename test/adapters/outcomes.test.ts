import { describe, expect, it } from 'vitest';
import type { AgencyAdapter } from '../../core/adapter/index.ts';
import { getContract } from '../../core/contracts/index.ts';
import { ALL_ADAPTERS } from '../../adapters/index.ts';
import { context, expectBadResponse, expectFacts, fixture, read } from './_support.ts';

/** One data sample per adapter, to be broken in the ways an agency or a network can break it. */
const DATA_SAMPLE: ReadonlyMap<string, string> = new Map([
  ['PensionsAndPaymentsRequest', 'sfr/pensions-and-payments-response.xml'],
  ['AssignedBenefitsRequest', 'sfr/assigned-benefits-response.xml'],
  ['IncomeRequest', 'fns/income-response.xml'],
  ['DisabilityRequest', 'fri/disability-response.xml'],
  ['UtilityAccrualsRequest', 'gis-zhkh/utility-accruals-response.xml'],
  ['BirthRecordsRequest', 'zags/birth-records-response.xml'],
  ['DeathRecordsRequest', 'zags/death-records-response.xml'],
  ['RegistrationRequest', 'mvd/registration-response.xml'],
]);

function sampleFor(adapter: AgencyAdapter): string {
  const path = DATA_SAMPLE.get(adapter.messageType.localName);
  if (!path) throw new Error(`no sample for ${adapter.messageType.localName}`);
  return fixture(path);
}

for (const adapter of ALL_ADAPTERS) {
  const name = `the ${adapter.agency} ${adapter.messageType.localName} adapter`;
  const contract = getContract(adapter.agency);

  describe(name, () => {
    it('reads its data sample into facts of exactly its declared groups', () => {
      expect(Object.keys(expectFacts(read(adapter, sampleFor(adapter))))).toEqual([...adapter.factGroups]);
    });

    it('maps RequestRejected through the shared rejection mapping', () => {
      expect(adapter.readAnswer({ kind: 'rejected', code: 'NO_DATA', description: 'Нет сведений' }, context)).toEqual({
        kind: 'no-data',
        reason: 'Нет сведений',
      });
      const codes = (['ACCESS_DENIED', 'UNKNOWN_REQUEST_DESCRIPTION', 'FAILURE'] as const).map((code) => {
        const outcome = adapter.readAnswer({ kind: 'rejected', code, description: 'x' }, context);
        return outcome.kind === 'error' ? outcome.error.code : outcome.kind;
      });
      expect(codes).toEqual(['ERR_AGENCY_ACCESS_DENIED', 'ERR_AGENCY_REJECTED', 'ERR_AGENCY_FAILURE']);
    });

    it('maps a RequestStatus to not-ready', () => {
      expect(adapter.readAnswer({ kind: 'status', code: 3, description: 'В обработке', parameters: {} }, context)).toEqual({
        kind: 'not-ready',
      });
    });

    it('gives ERR_AGENCY_BAD_RESPONSE for garbage, empty and truncated payloads', () => {
      const sample = sampleFor(adapter);
      expectBadResponse(read(adapter, 'this is not xml'), /not usable XML/);
      expectBadResponse(read(adapter, ''), /empty/);
      expectBadResponse(read(adapter, sample.slice(0, Math.floor(sample.length / 2))), /not usable XML/);
      expectBadResponse(read(adapter, '<!DOCTYPE x [<!ENTITY a "b">]><x/>'), /DOCTYPE/);
    });

    it('gives ERR_AGENCY_BAD_RESPONSE naming the root for a foreign root or another contract version', () => {
      expectBadResponse(read(adapter, '<Answer xmlns="urn://example/other"/>'), /expected the root/, /\{urn:\/\/example\/other\}Answer/);
      const otherVersion = sampleFor(adapter).split(contract.namespace).join(contract.namespace.replace(/1\.0\.0$/, '9.9.9'));
      expectBadResponse(read(adapter, otherVersion), /9\.9\.9/);
    });

    it('gives ERR_AGENCY_BAD_RESPONSE citing the schema for a response root with nothing in it', () => {
      const root = contract.operations.find((op) => op.requestRoot === adapter.messageType.localName)?.responseRoot ?? '';
      expectBadResponse(read(adapter, `<${root} xmlns="${contract.namespace}"/>`), /does not satisfy the .* schema/, new RegExp(root));
    });

    it('blames the caller, not the agency, for a provenance context that is not valid', () => {
      const outcome = adapter.readAnswer({ kind: 'business', xml: sampleFor(adapter), root: adapter.messageType }, { ...context, messageId: 'nope' });
      expect(outcome.kind === 'error' && outcome.error.code).toBe('ERR_INTERNAL');
    });
  });
}

describe('a schema-valid answer with a wrong value', () => {
  it('is refused with a message naming the schema rule and the element', () => {
    const [adapter] = ALL_ADAPTERS;
    if (!adapter) throw new Error('no adapters');
    const outcome = read(adapter, sampleFor(adapter).replace('8717.00', '8717.001'));
    expectBadResponse(outcome, /Amount/, /8717\.001/);
    expect(outcome.kind === 'error' && outcome.error.details['issues']).toBeTruthy();
  });
});
