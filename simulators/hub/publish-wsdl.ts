/**
 * @module publish-wsdl
 * The hub's WSDL and schemas (wsdl/ — our own minimal 1.2 files) as served at `<endpoint>?wsdl` and next to it.
 * The 1.1 and 1.3 endpoints serve the same documents with their version's namespaces: the schemas are open
 * enough that the differences between versions do not show.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SmevVersion } from '../../core/smev/envelope/index.ts';

const WSDL_DIR = new URL('./wsdl/', import.meta.url);
const FILES = ['smev-message-exchange-types-1.2.xsd', 'smev-message-exchange-basic-1.2.xsd', 'smev-message-exchange-faults-1.2.xsd'] as const;
const WSDL_FILE = 'smev-message-exchange-service-1.2.wsdl';

const read = (name: string): string => readFileSync(fileURLToPath(new URL(name, WSDL_DIR)), 'utf8');
const SOURCES = new Map<string, string>([...FILES, WSDL_FILE].map((name) => [name, read(name)]));

function forVersion(text: string, version: SmevVersion): string {
  if (version === '1.2') return text;
  return text.replace(/(message-exchange(?:\/types(?:\/basic|\/faults)?)?)\/1\.2/g, `$1/${version}`).replace(/-1\.2\.xsd/g, `-${version}.xsd`);
}

/** The WSDL with its soap:address pointing at `endpointUrl`. */
export function hubWsdl(version: SmevVersion, endpointUrl: string): string {
  return forVersion(SOURCES.get(WSDL_FILE)!, version).replace(/location="[^"]*"/, `location="${endpointUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
}

/** A schema the WSDL imports, by the file name it uses for this version; undefined for anything else. */
export function hubSchema(version: SmevVersion, fileName: string): string | undefined {
  const source = FILES.find((name) => forVersion(name, version) === fileName);
  return source === undefined ? undefined : forVersion(SOURCES.get(source)!, version);
}
