/**
 * XSD validation of agency payloads, for adapters (answers) and simulators (every incoming request).
 *
 * Engine: libxmljs2 0.35 (native libxml2 2.9.9 binding), chosen over xmllint-wasm 5.3 by measurement on this
 * machine (2 cores, Node 20.20), synchronous loop, one document per call:
 *   libxmljs2, this module, request samples of fixtures/contracts (warm, 5,000 calls each):
 *     sfr 7,800/s  fns 7,100/s  fri 9,500/s  gis-zhkh 4,900/s  zags 5,100/s  mvd 8,200/s
 *   libxmljs2 on a 5-element toy schema: 17,700/s (10,000 calls in 565 ms)
 *   xmllint-wasm, one validateXML() per document: 11/s on gis-zhkh, 19/s on the toy schema;
 *     1,000 documents batched into one call: 3,200/s, but only in batches and only async.
 * (libxmljs2 figures: `npx tsx` over loadXsdValidator(...).validate in a loop; test/contracts/validator.test.ts
 * re-checks >= 2,000/s. xmllint-wasm figures: the same loop over `await validateXML({ xml, schema })` in a
 * scratch install, since the package is not a dependency.) xmllint-wasm starts a WebAssembly instance per call,
 * so it cannot serve per-request validation at >= 2,000/s; libxmljs2 does, synchronously.
 * The cost of libxmljs2: a native build. It has no prebuilt binary reachable here, so its install script
 * (`prebuild-install || node-gyp rebuild`) builds from vendored sources against the Node headers (npm's
 * nodedir=/usr); that works offline with `npm install` and with `npm ci` in a fresh tree (checked), and needs
 * "libxmljs2" in package.json's allowScripts for npm 11.
 *
 * libxml2 is also what Debian's `xmllint --schema` uses, so the two give the same verdicts (test/contracts/xmllint-agreement.test.ts).
 * libxmljs2 0.35 compiles the schema inside every Document.validate() call (that is why the larger gis-zhkh
 * schema is slower); the cache below keeps the parsed schema document, which is fast enough that a compiled-
 * schema handle was not worth a native patch.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import libxmljs from 'libxmljs2';
import type { Document as LibxmlDocument } from 'libxmljs2';
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

// Untrusted input: no network, no entity substitution, no external DTD. A DOCTYPE is refused outright, as in
// core/xml's parseXml, because it is the only door to entity expansion.
const INPUT_PARSE_OPTIONS = { nonet: true, noent: false, dtdload: false, dtdvalid: false, huge: false } as const;
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
  let schema: LibxmlDocument;
  try {
    // baseUrl makes any xs:include/xs:import schemaLocation resolve beside the schema file.
    schema = libxmljs.parseXml(readFileSync(xsdPath, 'utf8'), { baseUrl: pathToFileURL(xsdPath).href, nonet: true });
  } catch (cause) {
    throw new KitError('ERR_CONFIG_INVALID', `Cannot read XSD ${xsdPath}: ${messageOf(cause)}`, { xsdPath }, { cause });
  }
  // libxml2 compiles lazily inside validate(); probing now turns a broken schema into a startup error.
  try {
    libxmljs.parseXml('<probe/>').validate(schema);
  } catch (cause) {
    throw new KitError('ERR_CONFIG_INVALID', `XSD ${xsdPath} does not compile: ${messageOf(cause)}`, { xsdPath }, { cause });
  }
  return Object.freeze({ xsdPath, validate: (xml: string) => validateWith(schema, xml) });
}

function validateWith(schema: LibxmlDocument, xml: string): XsdValidationResult {
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > DEFAULT_XML_LIMITS.maxBytes) {
    return invalid({ message: `XML document is ${bytes} bytes; the limit is ${DEFAULT_XML_LIMITS.maxBytes}` });
  }
  if (DOCTYPE_PATTERN.test(xml)) {
    return invalid({ message: 'XML with a DOCTYPE or entity declaration is refused' });
  }
  let document: LibxmlDocument;
  try {
    document = libxmljs.parseXml(xml, INPUT_PARSE_OPTIONS);
  } catch (cause) {
    return invalid({ ...lineOf(cause), message: `XML is not well-formed: ${messageOf(cause)}` });
  }
  if (document.validate(schema)) return { valid: true };
  const issues = document.validationErrors.slice(0, MAX_ISSUES).map((error) => ({
    ...lineOf(error),
    message: clean(error.message),
  }));
  // libxml2 always reports at least one reason; the fallback only guards the result's promise of a message.
  return invalid(...(issues.length > 0 ? issues : [{ message: 'The document does not satisfy the schema' }]));
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
