/**
 * @module gateway-client
 * The gateway's HTTP API as the decision service uses it (never its code): POST /v1/facts, and when the answer is
 * 202, polling the given path until the facts are ready or the deadline passes. Two kinds of failure, kept apart
 * because they lead to different places:
 * - GatewayUnavailableError: the gateway could not be reached, answered 5xx/429/401/408 or a redirect (a
 *   GATEWAY_URL that does not name the gateway itself), or is still working at the deadline → the application goes
 *   back to the queue with backoff (still pending, never refused);
 * - a permanent refusal of this one request (400, 403, 422, an answer that fails the facts model) → the person's
 *   facts are "not obtained", which the rules turn into manual review with the reason.
 */
import { z } from 'zod';
import { applicantFactsSchema, type ApplicantFacts } from '../../core/facts/index.ts';
import type { FactsAsk } from './facts-plan.ts';
import { exchangeOverFetch, exchangeOverNodeHttp, type HttpExchange } from '../../core/http/index.ts';

interface GatewayAnswer {
  readonly status: number;
  readonly text: string;
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

const pendingSchema = z.object({ requestId: z.string().min(1), poll: z.string().startsWith('/') });
const problemCodeSchema = z.object({ code: z.string() }).partial();

export class GatewayClient {
  readonly #http: HttpExchange;

  constructor(private readonly options: GatewayClientOptions) {
    this.#http = options.fetch === undefined ? exchangeOverNodeHttp : exchangeOverFetch(options.fetch);
  }

  async facts(ask: FactsAsk, purpose: { measure: string; caseNumber: string }, asOf: string, correlationId: string): Promise<FactsResult> {
    const body = {
      subject: { ...ask.subject, ...(ask.dwelling === undefined ? {} : { dwelling: ask.dwelling }) },
      groups: ask.groups,
      ...(ask.period === undefined ? {} : { period: ask.period }),
      asOf,
      purpose,
      wait: { maxMs: this.options.waitMs },
    };
    const deadline = Date.now() + this.options.deadlineMs;
    let response = await this.call('POST', '/v1/facts', correlationId, body);
    for (;;) {
      if (response.status === 200) return this.parse(JSON.parse(response.text));
      if (response.status === 202) {
        const pending = pendingSchema.safeParse(JSON.parse(response.text));
        if (!pending.success) throw new GatewayUnavailableError('The gateway answered 202 without a poll path');
        if (Date.now() >= deadline) throw new GatewayUnavailableError(`The facts were not ready within ${this.options.deadlineMs} ms`);
        await delay(this.options.pollIntervalMs);
        response = await this.call('GET', pending.data.poll, correlationId);
        // An expired or forgotten request (the gateway restarted): ask again from the start.
        if (response.status === 404) response = await this.call('POST', '/v1/facts', correlationId, body);
        continue;
      }
      if (response.status >= 500 || response.status === 429 || response.status === 401 || response.status === 408 || (response.status >= 300 && response.status < 400)) {
        throw new GatewayUnavailableError(`The gateway answered ${response.status}`);
      }
      const problem = problemCodeSchema.safeParse(safeJson(response.text));
      return { ok: false, status: response.status, code: (problem.success ? problem.data.code : undefined) ?? `HTTP_${response.status}` };
    }
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
      return { status: answer.status, text: answer.body.toString('utf8') };
    } catch (error) {
      throw new GatewayUnavailableError(`The gateway could not be reached: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
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
