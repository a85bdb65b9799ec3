import { readFileSync } from 'node:fs';
import type { AgencyContract } from './types.ts';

/**
 * What a server needs to publish a contract over HTTP: the WSDL with its own address in soap:address, and the
 * URL at which the imported XSD must be served so that `?wsdl` clients (node-soap, zeep) can fetch it.
 */

// The WSDL files carry one placeholder address; matching the whole attribute avoids touching anything else.
const ADDRESS_PATTERN = /(<soap:address\s+location=")[^"]*(")/;

const wsdlTextCache = new Map<string, string>();

function wsdlText(contract: AgencyContract): string {
  let text = wsdlTextCache.get(contract.files.wsdlPath);
  if (text === undefined) {
    text = readFileSync(contract.files.wsdlPath, 'utf8');
    wsdlTextCache.set(contract.files.wsdlPath, text);
  }
  return text;
}

/** The contract's WSDL text with soap:address pointing at `serviceUrl` (the SOAP endpoint clients will call). */
export function renderWsdl(contract: AgencyContract, serviceUrl: string): string {
  const escaped = serviceUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return wsdlText(contract).replace(ADDRESS_PATTERN, (_match, head: string, tail: string) => `${head}${escaped}${tail}`);
}

/**
 * Where the XSD must be served, given the URL the WSDL is served at. The WSDL imports it by the relative
 * schemaLocation "<agency>.xsd", which resolves against the WSDL URL like a link in a page: for
 * http://host/sfr?wsdl it is http://host/sfr.xsd, for http://host/agencies/sfr/?wsdl http://host/agencies/sfr/sfr.xsd.
 */
export function xsdUrlFor(contract: AgencyContract, wsdlUrl: string): string {
  return new URL(contract.files.xsdFileName, wsdlUrl).toString();
}
