/** Sample payloads under fixtures/contracts/<agency>/, and the mutations the tests apply to them. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XMLSerializer } from '@xmldom/xmldom';
import { CONTRACTS, findByRoot, type AgencyContract, type RootMatch } from '../../core/contracts/index.ts';
import { descendantElements, parseXml } from '../../core/xml/index.ts';

export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/contracts/', import.meta.url));

export interface Sample {
  readonly contract: AgencyContract;
  readonly file: string;
  readonly path: string;
  readonly xml: string;
  readonly match: RootMatch;
}

export function loadSamples(): Sample[] {
  return CONTRACTS.flatMap((contract) => {
    const dir = `${FIXTURES_DIR}${contract.agency}/`;
    return readdirSync(dir)
      .filter((file) => file.endsWith('.xml'))
      .sort()
      .map((file) => {
        const path = `${dir}${file}`;
        const xml = readFileSync(path, 'utf8');
        const root = parseXml(xml).documentElement;
        const match = findByRoot({ namespace: root.namespaceURI ?? '', localName: root.localName });
        if (!match || match.contract !== contract) throw new Error(`${path}: root is not a ${contract.agency} payload`);
        return { contract, file, path, xml, match };
      });
  });
}

function firstNamed(document: Document, localName: string): Element {
  const found = descendantElements(document.documentElement).find((element) => element.localName === localName);
  if (!found) throw new Error(`sample has no <${localName}> to mutate`);
  return found;
}

/** The sample without its first element named `localName` (a required field gone missing). */
export function withoutElement(xml: string, localName: string): string {
  const document = parseXml(xml);
  const element = firstNamed(document, localName);
  element.parentNode?.removeChild(element);
  return new XMLSerializer().serializeToString(document);
}

/** The sample with the text of its first element named `localName` replaced. */
export function withText(xml: string, localName: string, text: string): string {
  const document = parseXml(xml);
  const element = firstNamed(document, localName);
  while (element.firstChild) element.removeChild(element.firstChild);
  element.appendChild(document.createTextNode(text));
  return new XMLSerializer().serializeToString(document);
}

/** The sample moved to another version of the contract's namespace (an unknown payload type). */
export function inOtherNamespace(xml: string, contract: AgencyContract): string {
  return xml.split(contract.namespace).join(contract.namespace.replace(/\/[^/]+$/, '/9.9.9'));
}

/** Per operation: a required request field and a required field of the data response, to delete. */
export const REQUIRED_FIELDS: Readonly<Record<string, { request: string; response: string }>> = {
  GetPensionsAndPayments: { request: 'BirthDate', response: 'KindCode' },
  GetAssignedBenefits: { request: 'ReportPeriod', response: 'DecisionDate' },
  GetIncome: { request: 'IdentityDocument', response: 'AgentInn' },
  GetDisability: { request: 'BirthDate', response: 'Group' },
  GetUtilityAccruals: { request: 'Period', response: 'RegisteredPersons' },
  GetBirthRecords: { request: 'Child', response: 'RegistryOffice' },
  GetDeathRecords: { request: 'Person', response: 'DeathDate' },
  GetRegistration: { request: 'Passport', response: 'RegionCode' },
};
