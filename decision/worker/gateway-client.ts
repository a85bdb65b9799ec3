/**
 * @module gateway-client
 * The gateway's HTTP API as the decision service uses it (never its code): POST /v1/facts/batch for every person
 * of an application in one round trip (POST /v1/facts for one, and for all when the gateway has no batch route),
 * and when a request is still running (202), polling its path until the facts are ready or the deadline passes.
 * Two kinds of failure, kept apart because they lead to different places:
 * - GatewayUnavailableError: the gateway could not be reached, answered 5xx/429/401/408 or a redirect (a
 *   GATEWAY_URL that does not name the gateway itself), or is still working at the deadline → the application goes
 *   back to the queue with backoff (still pending, never refused);
 * - a permanent refusal of one request (400, 403, 422, an answer that fails the facts model) → that person's
 *   facts are "not obtained", which the rules turn into manual review with the reason.
 */
import { z } from 'zod';
import { applicantFactsSchema, type ApplicantFacts } from '../../core/facts/index.ts';
import type { FactsAsk } from './facts-plan.ts';
import { exchangeOverFetch, exchangeOverNodeHttp, type HttpExchange } from '../../core/http/index.ts';

/** A status and the parsed JSON body (undefined when the body was not JSON). */
interface GatewayAnswer {
  readonly status: number;
  readonly json: unknown;
}

export class GatewayUnavailableError extends Error {
  override readonly name = 'GatewayUnavailableError';
}

export interface GatewayClientOptions {
  readonly url: string;
  readonly apiKey: string;
  readonly waitMs: number;
  readonly deadlineMs: number;
  readonly pollIntervalMs: number;
  readonly timeoutMs: number;
  /** Calls go through this fetch when given (tests); through node:http otherwise. */
  readonly fetch?: typeof fetch;
}

export type FactsResult = { readonly ok: true; readonly facts: ApplicantFacts } | { readonly ok: false; readonly status: number; readonly code: string };

export interface FactsPurpose {
  readonly measure: string;
  readonly caseNumber: string;
}

/** The gateway's documented maximum of requests per batch (gateway/openapi.json, FactsBatchRequest). */
export const GATEWAY_BATCH_LIMIT = 32;

const pendingSchema = z.object({ requestId: z.string().min(1), poll: z.string().startsWith('/') });
const problemCodeSchema = z.object({ code: z.string() }).partial();
const batchAnswerSchema = z.object({ results: z.array(z.object({ status: z.number().int(), body: z.unknown() })) });

export class GatewayClient {
  readonly #http: HttpExchange;
  /** Cleared when the gateway answers the batch route 404/405 (a version without it): one request per person then. */
  #batchRoute = true;

  constructor(private readonly options: GatewayClientOptions) {
    this.#http = options.fetch === undefined ? exchangeOverNodeHttp : exchangeOverFetch(options.fetch);
  }

  /** The facts for one person. */
  async facts(ask: FactsAsk, purpose: FactsPurpose, asOf: string, correlationId: string): Promise<FactsResult> {
    const body = this.requestBody(ask, purpose, asOf);
    const deadline = Date.now() + this.options.deadlineMs;
    const post = () => this.call('POST', '/v1/facts', correlationId, { ...body, wait: { maxMs: this.options.waitMs } });
    return this.settle(await post(), post, deadline, correlationId);
  }

  /** The facts for several people, in the order asked: one batch per GATEWAY_BATCH_LIMIT people. */
  async factsForAll(asks: readonly FactsAsk[], purpose: FactsPurpose, asOf: string, correlationId: string): Promise<FactsResult[]> {
    if (asks.length <= 1 || !this.#batchRoute) return Promise.all(asks.map((ask) => this.facts(ask, purpose, asOf, correlationId)));
    const chunks: FactsAsk[][] = [];
    for (let i = 0; i < asks.length; i += GATEWAY_BATCH_LIMIT) chunks.push(asks.slice(i, i + GATEWAY_BATCH_LIMIT));
    return (await Promise.all(chunks.map((chunk) => this.batch(chunk, purpose, asOf, correlationId)))).flat();
  }

  private async batch(asks: readonly FactsAsk[], purpose: FactsPurpose, asOf: string, correlationId: string): Promise<FactsResult[]> {
    const bodies = asks.map((ask) => this.requestBody(ask, purpose, asOf));
    const deadline = Date.now() + this.options.deadlineMs;
    const answer = await this.call('POST', '/v1/facts/batch', correlationId, { requests: bodies, wait: { maxMs: this.options.waitMs } });
    if (answer.status === 404 || answer.status === 405) {
      this.#batchRoute = false;
      return Promise.all(asks.map((ask) => this.facts(ask, purpose, asOf, correlationId)));
    }
    if (answer.status !== 200) {
      const refused = refusalOf(answer);
      return asks.map(() => refused);
    }
    const batch = batchAnswerSchema.safeParse(answer.json);
    if (!batch.success || batch.data.results.length !== asks.length) throw new GatewayUnavailableError('The gateway answered the batch with something other than one result per request');
    return Promise.all(
      batch.data.results.map((item, i) => {
        const again = () => this.call('POST', '/v1/facts', correlationId, { ...bodies[i], wait: { maxMs: this.options.waitMs } });
        return this.settle({ status: item.status, json: item.body }, again, deadline, correlationId);
      }),
    );
  }

  /**
   * One request's answer to its result: 200 parsed, 202 polled until the deadline (asked again with `again` when
   * the gateway forgot the request, e.g. after a restart), a refusal kept with its code, the rest unavailable.
   */
  private async settle(first: GatewayAnswer, again: () => Promise<GatewayAnswer>, deadline: number, correlationId: string): Promise<FactsResult> {
    let response = first;
    for (;;) {
      if (response.status === 200) return this.parse(response.json);
      if (response.status === 202) {
        const pending = pendingSchema.safeParse(response.json);
        if (!pending.success) throw new GatewayUnavailableError('The gateway answered 202 without a poll path');
        if (Date.now() >= deadline) throw new GatewayUnavailableError(`The facts were not ready within ${this.options.deadlineMs} ms`);
        await delay(this.options.pollIntervalMs);
        response = await this.call('GET', pending.data.poll, correlationId);
        if (response.status === 404) response = await again();
        continue;
      }
      return refusalOf(response);
    }
  }

  private requestBody(ask: FactsAsk, purpose: FactsPurpose, asOf: string): Record<string, unknown> {
    return {
      subject: { ...ask.subject, ...(ask.dwelling === undefined ? {} : { dwelling: ask.dwelling }) },
      groups: ask.groups,
      ...(ask.period === undefined ? {} : { period: ask.period }),
      asOf,
      purpose,
    };
  }

  private parse(json: unknown): FactsResult {
    const parsed = applicantFactsSchema.safeParse(json);
    return parsed.success ? { ok: true, facts: parsed.data } : { ok: false, status: 200, code: 'ERR_FACTS_INVALID' };
  }

  private async call(method: 'GET' | 'POST', path: string, correlationId: string, body?: unknown): Promise<GatewayAnswer> {
    try {
      const answer = await this.#http({
        method,
        url: `${this.options.url}${path}`,
        headers: { 'x-api-key': this.options.apiKey, 'x-correlation-id': correlationId, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        timeoutMs: this.options.timeoutMs,
        // A facts request only reads: sending it again after a stale keep-alive connection is harmless.
        idempotent: true,
      });
      return { status: answer.status, json: safeJson(answer.body.toString('utf8')) };
    } catch (error) {
      throw new GatewayUnavailableError(`The gateway could not be reached: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** A refusal of the request (4xx but the ones below), or GatewayUnavailableError for everything else. */
function refusalOf(response: GatewayAnswer): FactsResult {
  const { status } = response;
  if (status < 400 || status >= 500 || status === 429 || status === 401 || status === 408) throw new GatewayUnavailableError(`The gateway answered ${status}`);
  const problem = problemCodeSchema.safeParse(response.json);
  return { ok: false, status, code: (problem.success ? problem.data.code : undefined) ?? `HTTP_${status}` };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
