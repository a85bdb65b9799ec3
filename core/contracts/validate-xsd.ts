/**
 * XSD validation of agency payloads, for adapters (answers, and their own requests) and simulators (every incoming
 * request).
 *
 * Engine: libxml2 compiled to WebAssembly (libxml2-wasm 0.7), with each schema compiled ONCE into an
 * xmlSchema and reused for every document. It replaced libxmljs2 0.35 (a native binding), whose
 * Document.validate() recompiles the schema inside every call: in the decisions bench, validation was the largest
 * single cost of the gateway (9% self time, twice per agency call: the adapter's own request, then the answer).
 * Measured on this machine (Node 20.20, warm, 3,000 calls each, parse + validate, `node` loop over the samples of
 * fixtures/contracts): gis-zhkh answer 130 µs (libxmljs2 232), fns answer 66 µs (176), fns request 29 µs (151).
 * No native build is needed either. xmllint-wasm (one WebAssembly instance per call) was measured too: 11–19/s.
 *
 * libxml2 is also what Debian's `xmllint --schema` uses, so the two give the same verdicts
 * (test/contracts/xmllint-agreement.test.ts). The WebAssembly heap is not garbage-collected: every parsed
 * document is disposed in a finally block, and the compiled schemas live as long as the process.
 * Limitation: the WebAssembly build cannot read files, so a schema with xs:include / xs:import of another file
 * fails to compile (ERR_CONFIG_INVALID at load); the contracts here are single files.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ParseOption, XmlDocument, XmlLibError, XsdValidator as CompiledSchema } from 'libxml2-wasm';
import { KitError } from '../errors/index.ts';
import { DEFAULT_XML_LIMITS } from '../xml/index.ts';

export interface XsdValidationIssue {
  /** 1-based line in the validated document, when libxml2 knows it. */
  readonly line?: number;
  readonly message: string;
}

export type XsdValidationResult =
  | { readonly valid: true }
  | { readonly valid: false; readonly errors: readonly XsdValidationIssue[] };

export interface XsdValidator {
  /** Absolute path of the schema this validator checks against. */
  readonly xsdPath: string;
  validate(xml: string): XsdValidationResult;
}

// Untrusted input: no network, no entity substitution (NOENT off), no external DTD (DTDLOAD off), no HUGE. A
// DOCTYPE is refused outright anyway, as in core/xml's parseXml, because it is the only door to entity expansion.
// The text is already decoded, so it goes in as UTF-8 bytes with the encoding forced (a declaration naming another
// encoding describes bytes we never see). fromBuffer, not fromString: its native encoding into the WebAssembly heap
// is 1.1–1.5× faster per validation than fromString's character loop on these documents.
const INPUT_PARSE_OPTIONS = { option: ParseOption.XML_PARSE_NONET, encoding: 'utf-8' };
const DOCTYPE_PATTERN = /<!DOCTYPE|<!ENTITY/i;
// One bad document can yield thousands of messages (e.g. a repeated element); callers need the first few.
const MAX_ISSUES = 50;

const cache = new Map<string, XsdValidator>();

/**
 * A validator for one schema file, created once per path and reused: simulators call this per request.
 * Throws ERR_CONFIG_INVALID if the file is missing, not XML, or not a schema libxml2 can compile.
 */
export function loadXsdValidator(xsdPath: string): XsdValidator {
  const absolute = resolve(xsdPath);
  const cached = cache.get(absolute);
  if (cached) return cached;
  const validator = compile(absolute);
  cache.set(absolute, validator);
  return validator;
}

/** One-shot form of loadXsdValidator(xsdPath).validate(xml). */
export function validateAgainstXsd(xml: string, xsdPath: string): XsdValidationResult {
  return loadXsdValidator(xsdPath).validate(xml);
}

/** For tests that rewrite schema files in place. */
export function clearXsdValidatorCache(): void {
  cache.clear();
}

function compile(xsdPath: string): XsdValidator {
  let schemaDocument: XmlDocument;
  try {
    schemaDocument = XmlDocument.fromString(readFileSync(xsdPath, 'utf8'), { url: pathToFileURL(xsdPath).href, option: ParseOption.XML_PARSE_NONET });
  } catch (cause) {
    throw new KitError('ERR_CONFIG_INVALID', `Cannot read XSD ${xsdPath}: ${messageOf(cause)}`, { xsdPath }, { cause });
  }
  let schema: CompiledSchema;
  try {
    schema = CompiledSchema.fromDoc(schemaDocument);
  } catch (cause) {
    schemaDocument.dispose();
    throw new KitError('ERR_CONFIG_INVALID', `XSD ${xsdPath} does not compile: ${messageOf(cause)}`, { xsdPath }, { cause });
  }
  // The compiled schema may point into its source document, so the document stays alive with it (per path, once).
  return Object.freeze({ xsdPath, validate: (xml: string) => validateWith(schema, xml) });
}

function validateWith(schema: CompiledSchema, xml: string): XsdValidationResult {
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > DEFAULT_XML_LIMITS.maxBytes) {
    return invalid({ message: `XML document is ${bytes} bytes; the limit is ${DEFAULT_XML_LIMITS.maxBytes}` });
  }
  if (DOCTYPE_PATTERN.test(xml)) {
    return invalid({ message: 'XML with a DOCTYPE or entity declaration is refused' });
  }
  let document: XmlDocument;
  try {
    document = XmlDocument.fromBuffer(Buffer.from(xml, 'utf8'), INPUT_PARSE_OPTIONS);
  } catch (cause) {
    const first = detailsOf(cause)[0];
    return invalid({ ...lineOf(first), message: `XML is not well-formed: ${first === undefined ? messageOf(cause) : clean(first.message)}` });
  }
  try {
    schema.validate(document);
    return { valid: true };
  } catch (cause) {
    const issues = detailsOf(cause).slice(0, MAX_ISSUES).map((detail) => ({ ...lineOf(detail), message: clean(detail.message) }));
    if (!(cause instanceof XmlLibError)) throw cause;
    // libxml2 always reports at least one reason; the fallback only guards the result's promise of a message.
    return invalid(...(issues.length > 0 ? issues : [{ message: 'The document does not satisfy the schema' }]));
  } finally {
    document.dispose();
  }
}

function detailsOf(error: unknown): readonly { message: string; line: number }[] {
  return error instanceof XmlLibError ? error.details : [];
}

function invalid(...errors: XsdValidationIssue[]): XsdValidationResult {
  return { valid: false, errors };
}

function lineOf(error: unknown): { line?: number } {
  const line = (error as { line?: unknown } | null)?.line;
  return typeof line === 'number' && line > 0 ? { line } : {};
}

function messageOf(error: unknown): string {
  return clean(error instanceof Error ? error.message : String(error));
}

function clean(message: string): string {
  return message.trim().replace(/\s+/g, ' ');
}
