/**
 * Namespace sets of the SMEV 3 message-exchange schemas. Parsing matches on these URIs (never on prefixes), and
 * the version of an envelope is whatever set its operation element's namespace belongs to.
 */

export type SmevVersion = '1.1' | '1.2' | '1.3';

export const SMEV_VERSIONS: readonly SmevVersion[] = Object.freeze(['1.1', '1.2', '1.3']);

export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
export const BUSINESS_PROCESS_METADATA_NS =
  'urn://x-artefacts-smev-gov-ru/services/message-exchange/business-process-metadata/1.0';

const BASE = 'urn://x-artefacts-smev-gov-ru/services/message-exchange';

export interface SmevNamespaces {
  readonly version: SmevVersion;
  /** Operations and most structures (SendRequestRequest, SenderProvidedRequestData, MessageMetadata…). */
  readonly types: string;
  /** Shared building blocks (MessagePrimaryContent, MessageTypeSelector, AckTargetMessage, attachments…). */
  readonly basic: string;
  /** SOAP fault detail elements. */
  readonly faults: string;
  /** WSDL target namespace; useful for tooling, never seen on envelope elements. */
  readonly wsdl: string;
  /** 1.3 only: routing information (rout:Routing) and routing directives. */
  readonly routing?: string;
  readonly directive?: string;
}

function namespacesOf(version: SmevVersion): SmevNamespaces {
  const common = {
    version,
    types: `${BASE}/types/${version}`,
    basic: `${BASE}/types/basic/${version}`,
    faults: `${BASE}/types/faults/${version}`,
    wsdl: `${BASE}/${version}`,
  };
  if (version !== '1.3') return Object.freeze(common);
  return Object.freeze({
    ...common,
    routing: `${BASE}/types/routing/${version}`,
    directive: `${BASE}/types/directive/${version}`,
  });
}

export const SMEV_NAMESPACES: Readonly<Record<SmevVersion, SmevNamespaces>> = Object.freeze({
  '1.1': namespacesOf('1.1'),
  '1.2': namespacesOf('1.2'),
  '1.3': namespacesOf('1.3'),
});

export function smevNamespaces(version: SmevVersion): SmevNamespaces {
  return SMEV_NAMESPACES[version];
}

export function isSmevVersion(value: unknown): value is SmevVersion {
  return value === '1.1' || value === '1.2' || value === '1.3';
}

export type SmevNamespaceRole = 'types' | 'basic' | 'faults' | 'wsdl' | 'routing' | 'directive';

/** Which version and which schema a namespace URI belongs to, or undefined for a foreign namespace. */
export function classifyNamespace(uri: string | null | undefined): { version: SmevVersion; role: SmevNamespaceRole } | undefined {
  if (!uri) return undefined;
  for (const version of SMEV_VERSIONS) {
    const set = SMEV_NAMESPACES[version];
    for (const role of ['types', 'basic', 'faults', 'wsdl', 'routing', 'directive'] as const) {
      if (set[role] === uri) return { version, role };
    }
  }
  return undefined;
}

/** The schema version a message-exchange namespace URI belongs to, or undefined if it is not one of ours. */
export function detectVersion(uri: string | null | undefined): SmevVersion | undefined {
  return classifyNamespace(uri)?.version;
}

/**
 * Recognises a message-exchange namespace of a version this kit does not build (e.g. a future 1.4), so the parser
 * can say "unsupported version" instead of "unknown operation".
 */
export function looksLikeOtherSmevVersion(uri: string | null | undefined): string | undefined {
  if (!uri || !uri.startsWith(`${BASE}/`)) return undefined;
  const match = /\/(\d+\.\d+)$/.exec(uri);
  if (!match || isSmevVersion(match[1])) return undefined;
  return match[1];
}
