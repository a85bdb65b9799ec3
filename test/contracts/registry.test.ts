import { describe, expect, it } from 'vitest';
import {
  AGENCY_CODES,
  CONTRACTS,
  findByRequestRoot,
  findByRoot,
  findBySoapAction,
  getContract,
  renderWsdl,
  xsdUrlFor,
} from '../../core/contracts/index.ts';
import { isKitError } from '../../core/errors/index.ts';
import { existsSync } from 'node:fs';

describe('contract registry', () => {
  it('lists one contract per agency, in the agency-code order', () => {
    expect(CONTRACTS.map((contract) => contract.agency)).toEqual([...AGENCY_CODES]);
  });

  it('names files that exist, whatever the working directory', () => {
    for (const contract of CONTRACTS) {
      expect(existsSync(contract.files.xsdPath), contract.files.xsdPath).toBe(true);
      expect(existsSync(contract.files.wsdlPath), contract.files.wsdlPath).toBe(true);
      expect(contract.files.xsdPath.endsWith(`/core/contracts/${contract.agency}/${contract.files.xsdFileName}`)).toBe(true);
    }
  });

  it('gives each contract a versioned namespace and unique soapActions', () => {
    const actions = CONTRACTS.flatMap((contract) => contract.operations.map((operation) => operation.soapAction));
    expect(new Set(actions).size).toBe(actions.length);
    for (const contract of CONTRACTS) {
      expect(contract.namespace).toBe(contract.namespace.replace(/\/\d+\.\d+\.\d+$/, `/${contract.version}`));
      expect(contract.namespace.startsWith(`urn://agency-kit/${contract.agency}/`)).toBe(true);
    }
  });

  it('finds a contract by agency code and refuses an unknown one', () => {
    expect(getContract('fns').namespace).toBe('urn://agency-kit/fns/income/1.0.0');
    let thrown: unknown;
    try {
      getContract('pfr');
    } catch (error) {
      thrown = error;
    }
    expect(isKitError(thrown, 'ERR_CONFIG_INVALID')).toBe(true);
  });

  it('routes a request root by namespace and local name, never by prefix', () => {
    const match = findByRequestRoot({ namespace: 'urn://agency-kit/zags/civil-records/1.0.0', localName: 'DeathRecordsRequest' });
    expect(match?.contract.agency).toBe('zags');
    expect(match?.operation.name).toBe('GetDeathRecords');
    expect(findByRequestRoot({ namespace: 'urn://agency-kit/zags/civil-records/9.9.9', localName: 'DeathRecordsRequest' })).toBeUndefined();
    expect(findByRequestRoot({ namespace: 'urn://agency-kit/zags/civil-records/1.0.0', localName: 'DeathRecordsResponse' })).toBeUndefined();
    expect(findByRoot({ namespace: 'urn://agency-kit/zags/civil-records/1.0.0', localName: 'DeathRecordsResponse' })?.direction).toBe('response');
  });

  it('finds an operation by its SOAPAction, quoted as on the wire', () => {
    expect(findBySoapAction('"urn://agency-kit/fns/income/1.0.0/GetIncome"')?.operation.requestRoot).toBe('IncomeRequest');
    expect(findBySoapAction('urn://agency-kit/fns/income/1.0.0/Nope')).toBeUndefined();
  });

  it('exposes the tax service processing codes 01, 52 and 99 and none for the other agencies', () => {
    expect(getContract('fns').processingCodes.map((code) => [code.code, code.meaning])).toEqual([
      ['01', 'not-found'],
      ['52', 'not-ready'],
      ['99', 'system-error'],
    ]);
    expect(CONTRACTS.filter((contract) => contract.processingCodes.length > 0).map((contract) => contract.agency)).toEqual(['fns']);
  });
});

describe('publishing a contract', () => {
  it('renders the WSDL with the server address in soap:address and nothing else changed', () => {
    const contract = getContract('mvd');
    const wsdl = renderWsdl(contract, 'http://127.0.0.1:9000/agencies/mvd?a=1&b=2');
    expect(wsdl).toContain('<soap:address location="http://127.0.0.1:9000/agencies/mvd?a=1&amp;b=2"/>');
    expect(wsdl).toContain('schemaLocation="mvd.xsd"');
  });

  it('says where the XSD must be served relative to the WSDL URL', () => {
    const contract = getContract('gis-zhkh');
    expect(xsdUrlFor(contract, 'http://127.0.0.1:9000/gis-zhkh?wsdl')).toBe('http://127.0.0.1:9000/gis-zhkh.xsd');
    expect(xsdUrlFor(contract, 'http://127.0.0.1:9000/agencies/gis-zhkh/?wsdl')).toBe('http://127.0.0.1:9000/agencies/gis-zhkh/gis-zhkh.xsd');
  });
});
