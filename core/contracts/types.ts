/**
 * The shape of an agency contract as both sides see it: the adapter (client) builds requests and reads answers
 * by these names; the simulator (server) routes and validates by them. The XSD and WSDL files are the source of
 * truth; this metadata names what is in them, and test/contracts checks the two agree.
 */

export const AGENCY_CODES = ['sfr', 'fns', 'fri', 'gis-zhkh', 'zags', 'mvd'] as const;
export type AgencyCode = (typeof AGENCY_CODES)[number];

/** A namespace-qualified element name, the way SMEV selectors and SOAP bodies identify a payload. */
export interface QualifiedName {
  readonly namespace: string;
  readonly localName: string;
}

export interface ContractOperation {
  /** WSDL operation name, e.g. "GetIncome". */
  readonly name: string;
  /** SOAP 1.1 SOAPAction header value (quoted on the wire). */
  readonly soapAction: string;
  /** Local name of the request payload's root element (in the contract's namespace). */
  readonly requestRoot: string;
  /** Local name of the response payload's root element (in the contract's namespace). */
  readonly responseRoot: string;
  /** Local name of the child of the response root that means "the agency holds no data" (not an error). */
  readonly noDataElement: string;
}

/** A processing code the agency puts in its answer instead of data (FNS 2-NDFL style). */
export interface ProcessingCode {
  readonly code: string;
  readonly meaning: 'not-found' | 'not-ready' | 'system-error';
  readonly description: string;
}

export interface ContractFiles {
  /** Absolute path of the payload schema. */
  readonly xsdPath: string;
  /** Absolute path of the WSDL that imports the schema. */
  readonly wsdlPath: string;
  /** The schemaLocation the WSDL uses: a server must serve the XSD under this name next to the WSDL URL. */
  readonly xsdFileName: string;
}

export interface AgencyContract {
  readonly agency: AgencyCode;
  /** Human name, English then Russian. */
  readonly name: string;
  readonly nameRu: string;
  /** Contract version; also the last segment of the target namespace. */
  readonly version: string;
  /** Target namespace of the payload XSD (request and response roots live here). */
  readonly namespace: string;
  /** Target namespace of the WSDL definitions (messages, port type, binding). */
  readonly wsdlNamespace: string;
  readonly serviceName: string;
  readonly portName: string;
  readonly operations: readonly ContractOperation[];
  /** Codes the response may carry in place of data; empty for agencies that have none. */
  readonly processingCodes: readonly ProcessingCode[];
  readonly files: ContractFiles;
}
