/**
 * @module handle-agency-request
 * The transport-agnostic core of an agency simulator: one function from an incoming HTTP exchange to a reply.
 * Routes: POST /ws/<agency> (SOAP), GET /ws/<agency>?wsdl (the contract WSDL with this server's address),
 * GET /ws/<agency>.xsd (the payload schema the WSDL imports, at the URL xsdUrlFor names). Anything else is a
 * 404 problem document; the admin API is express-only (app.ts).
 */
import { readFileSync } from 'node:fs';
import { loadXsdValidator, renderWsdl, xsdUrlFor, type XsdValidator } from '../../core/contracts/index.ts';
import { KitError, toProblem } from '../../core/errors/index.ts';
import { HotPathMemo } from './hot-path-memo.ts';
import { httpReply, type AgencyReply, type IncomingAgencyRequest } from './agency-exchange.ts';
import { resolveRuntimeOptions, type AgencyRuntimeOptions, type ResolvedRuntimeOptions } from './runtime-options.ts';
import { handleSoapCall } from './soap-call.ts';

/** Every simulator serves its SOAP endpoint at /ws/<agency>. */
export const SOAP_PATH_PREFIX = '/ws/';

export interface AgencyRuntime {
  readonly options: ResolvedRuntimeOptions;
  /** "/ws/<agency>" */
  readonly soapPath: string;
  /** "/ws/<agency>.xsd" (or wherever xsdUrlFor puts the schema next to the WSDL). */
  readonly xsdPath: string;
  readonly validator: XsdValidator;
  readonly xsdText: string;
  /** Per-content memo of the SOAP path (hot-path-memo.ts); undefined when the options turn it off. */
  readonly memo: HotPathMemo | undefined;
}

/** Validates the options and loads the schema once; reuse the runtime for every request. */
export function createAgencyRuntime(options: AgencyRuntimeOptions): AgencyRuntime {
  const resolved = resolveRuntimeOptions(options);
  const contract = resolved.simulator.contract;
  const soapPath = `${SOAP_PATH_PREFIX}${contract.agency}`;
  const xsdPath = new URL(xsdUrlFor(contract, `http://simulator${soapPath}?wsdl`)).pathname;
  return Object.freeze({
    options: resolved,
    soapPath,
    xsdPath,
    validator: loadXsdValidator(contract.files.xsdPath),
    xsdText: readFileSync(contract.files.xsdPath, 'utf8'),
    memo: resolved.memo === undefined ? undefined : new HotPathMemo(resolved.memo),
  });
}

export function soapEndpointUrl(runtime: AgencyRuntime, origin: string): string {
  return `${origin.replace(/\/+$/, '')}${runtime.soapPath}`;
}

function hasWsdlQuery(url: URL): boolean {
  return [...url.searchParams.keys()].some((key) => key.toLowerCase() === 'wsdl');
}

function problemReply(error: unknown, instance: string): AgencyReply {
  const problem = toProblem(error, instance);
  return httpReply(problem.status, 'application/problem+json', JSON.stringify(problem));
}

/** Never throws: unexpected errors are logged and answered as an opaque 500 problem document. */
export async function handleAgencyRequest(runtime: AgencyRuntime, request: IncomingAgencyRequest): Promise<AgencyReply> {
  const { pathname } = request.url;
  const method = request.method.toUpperCase();
  try {
    if (pathname === runtime.soapPath && method === 'POST') return await handleSoapCall(runtime, request);
    if (pathname === runtime.soapPath && method === 'GET' && hasWsdlQuery(request.url)) {
      const wsdl = renderWsdl(runtime.options.simulator.contract, soapEndpointUrl(runtime, request.url.origin));
      return httpReply(200, 'text/xml; charset=utf-8', wsdl);
    }
    if (pathname === runtime.xsdPath && method === 'GET') return httpReply(200, 'text/xml; charset=utf-8', runtime.xsdText);
    const hint = pathname === runtime.soapPath ? ` (POST a SOAP request, or GET ${runtime.soapPath}?wsdl)` : '';
    return problemReply(new KitError('ERR_NOT_FOUND', `no route ${method} ${pathname}${hint}`), pathname);
  } catch (error) {
    runtime.options.logger.error(`${method} ${pathname} failed`, error);
    return problemReply(error instanceof KitError ? error : new Error('hidden'), pathname);
  }
}
