/**
 * @module msw-handlers
 * The six mock agencies as msw 2 request handlers, so a consumer's unit tests reach them in-process through
 * global fetch (and node:http, hence node-soap) without starting servers. Backed by the same handleAgencyRequest
 * as the HTTP simulators: same bytes, same faults. Network-level faults (reset, timeout) become
 * HttpResponse.error(), which fetch reports as a network failure.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { AgencyCode } from '../../core/contracts/index.ts';
import { KitError } from '../../core/errors/index.ts';
import type { TrustList } from '../../core/smev/signature/index.ts';
import { SimulatorEngine } from '../engine/index.ts';
import { sleep, type AgencyReply } from './agency-exchange.ts';
import type { AgencySimulator } from './agency-simulator.ts';
import { fixtureSigningFor } from './fixture-signing.ts';
import { createAgencyRuntime, handleAgencyRequest, type AgencyRuntime } from './handle-agency-request.ts';
import type { RuntimeSigning } from './runtime-options.ts';

export interface AgencyHandlersOptions {
  readonly simulators: readonly AgencySimulator[];
  /** Where the agencies appear to live; each answers at <baseUrl>/ws/<agency>. */
  readonly baseUrl: string;
  /** One engine for all, or one per agency. Without it, an engine is built from `personas` and `seed`. */
  readonly engine?: SimulatorEngine | ((agency: AgencyCode) => SimulatorEngine);
  /** Persona data (one persona or an array), used when no engine is given. */
  readonly personas?: unknown;
  readonly seed?: number | string;
  /** Default: each agency's test key from fixtures/keys. */
  readonly signing?: RuntimeSigning | ((agency: AgencyCode) => RuntimeSigning);
  readonly trust?: TrustList;
  readonly requireSignedRequests?: boolean;
  readonly now?: () => Date;
}

function engineResolver(options: AgencyHandlersOptions): (agency: AgencyCode) => SimulatorEngine {
  const { engine } = options;
  if (typeof engine === 'function') return engine;
  if (engine !== undefined) return () => engine;
  if (options.personas === undefined) throw new KitError('ERR_CONFIG_INVALID', 'createAgencyHandlers needs an engine or personas');
  const shared = new SimulatorEngine({ seed: options.seed ?? 1, personas: options.personas });
  return () => shared;
}

export function createAgencyHandlers(options: AgencyHandlersOptions): HttpHandler[] {
  const engineFor = engineResolver(options);
  const base = options.baseUrl.replace(/\/+$/, '');
  return options.simulators.flatMap((simulator) => {
    const signing = typeof options.signing === 'function' ? options.signing(simulator.agency) : (options.signing ?? fixtureSigningFor(simulator.agency));
    const runtime = createAgencyRuntime({
      simulator,
      engine: engineFor(simulator.agency),
      signing,
      ...(options.trust ? { trust: options.trust } : {}),
      ...(options.requireSignedRequests !== undefined ? { requireSignedRequests: options.requireSignedRequests } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    const resolver = ({ request }: { request: Request }) => answer(runtime, request);
    return [http.post(`${base}${runtime.soapPath}`, resolver), http.get(`${base}${runtime.soapPath}`, resolver), http.get(`${base}${runtime.xsdPath}`, resolver)];
  });
}

async function answer(runtime: AgencyRuntime, request: Request): Promise<Response> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const body = new Uint8Array(await request.arrayBuffer());
  const reply = await handleAgencyRequest(runtime, { method: request.method, url: new URL(request.url), headers, body, signal: request.signal });
  return toResponse(reply, request.signal);
}

async function toResponse(reply: AgencyReply, signal: AbortSignal): Promise<Response> {
  switch (reply.kind) {
    case 'reset':
      return HttpResponse.error();
    case 'hang':
      await sleep(reply.holdMs ?? Number.POSITIVE_INFINITY, signal);
      return HttpResponse.error();
    case 'http': {
      const { chunks } = reply;
      const dripping = chunks.some((chunk) => chunk.delayBeforeMs > 0);
      const headers = new Headers(reply.headers);
      if (!dripping) return new HttpResponse(Buffer.concat(chunks.map((c) => c.bytes)), { status: reply.status, headers });
      let index = 0;
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const chunk = chunks[index++];
          if (chunk === undefined) return controller.close();
          await sleep(chunk.delayBeforeMs, signal);
          controller.enqueue(chunk.bytes);
        },
      });
      return new HttpResponse(stream, { status: reply.status, headers });
    }
  }
}
