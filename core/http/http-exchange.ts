/**
 * One HTTP exchange, request and whole answer, for the kit's own clients (the gateway calling agencies, the
 * decision service calling the gateway), behind one small interface so each can run over node:http (the default)
 * or over an injected fetch (tests record or rewrite calls that way; msw intercepts both).
 *
 * Why node:http by default, measured in the decisions bench: undici's fetch cost about 0.2 ms of CPU per call more
 * than `http.request` (its Request/Response and web-stream machinery, a tee of every request body in case a
 * redirect must replay it), and wrote a request as several chunks where `request.end(body)` with a Content-Length
 * sends headers and body in one write. The global agent keeps connections alive (Node >= 19). Redirects are not
 * followed: none of the kit's peers sends one, and a redirect there means a misconfigured URL.
 */
import http from 'node:http';
import https from 'node:https';

export interface HttpExchangeRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /**
   * Whether sending the request twice is harmless. Only then is a request that failed on a reused keep-alive
   * connection sent again (GETs always are). Callers with their own retry policy (the gateway's retry stage,
   * which counts attempts against a budget) leave it off, so one attempt stays one request.
   */
  readonly idempotent?: boolean;
  /** For the whole exchange, including a slowly dripping answer; rejects with a TimeoutError when it passes. */
  readonly timeoutMs: number;
  /** The longest answer body read; a longer one is cut off and rejected with BodyTooLargeError. Default 64 MiB. */
  readonly maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

/** The peer sent more than `maxBodyBytes`: nothing of it is used, and the connection is dropped. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  readonly code = 'ERR_HTTP_BODY_TOO_LARGE';
  constructor(readonly limit: number) {
    super(`the answer is longer than ${limit} bytes`);
  }
}

export interface HttpExchangeAnswer {
  readonly status: number;
  /** A response header by lower-case name (several values joined with ", "), or null. */
  header(name: string): string | null;
  readonly body: Buffer;
}

/** Resolves with any HTTP answer; rejects when there was none (refused, reset, timed out). */
export type HttpExchange = (request: HttpExchangeRequest) => Promise<HttpExchangeAnswer>;

const timeoutError = (ms: number): DOMException => new DOMException(`timed out after ${ms} ms`, 'TimeoutError');

export const exchangeOverNodeHttp: HttpExchange = async (request) => {
  try {
    return await exchangeOnce(request);
  } catch (error) {
    // A kept-alive socket that the server closed just as we reused it (its idle timeout ran out): sent again, once,
    // on a fresh connection — only when repeating is harmless, because a server that reset the connection after
    // reading the request looks the same from here (what undici does too: idempotent requests only).
    const repeatable = request.method === 'GET' || request.idempotent === true;
    if (repeatable && (error as { reusedSocket?: unknown }).reusedSocket === true) return exchangeOnce(request);
    throw error;
  }
};

function exchangeOnce(request: HttpExchangeRequest): Promise<HttpExchangeAnswer> {
  return new Promise<HttpExchangeAnswer>((resolve, reject) => {
    const target = new URL(request.url);
    const client = target.protocol === 'https:' ? https : http;
    const payload = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    let settled = false;
    let answered = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      const stale = !answered && req.reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET';
      reject(stale ? Object.assign(error as Error, { reusedSocket: true }) : error);
    };
    const headers = payload === undefined ? request.headers : { ...request.headers, 'content-length': String(payload.length) };
    const req = client.request(target, { method: request.method, headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      const limit = request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
      let length = 0;
      res.on('data', (chunk: Buffer) => {
        length += chunk.length;
        if (length > limit) fail(new BodyTooLargeError(limit));
        else chunks.push(chunk);
      });
      res.on('error', fail);
      // A connection closed in the middle of the body ends with 'close' and no 'end'.
      res.on('close', () => {
        if (!res.complete) fail(Object.assign(new Error('the connection closed before the answer was complete'), { code: 'ECONNRESET' }));
      });
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const received = res.headers;
        resolve({
          status: res.statusCode ?? 0,
          header: (name) => {
            const value = received[name];
            return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
          },
          body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
        });
      });
    });
    const timer = setTimeout(() => fail(timeoutError(request.timeoutMs)), request.timeoutMs);
    req.on('error', fail);
    req.end(payload);
  });
}

/** The same exchange through a fetch function; our timeout surfaces as a TimeoutError here too. */
export function exchangeOverFetch(doFetch: typeof fetch): HttpExchange {
  return async (request) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(timeoutError(request.timeoutMs)), request.timeoutMs);
    try {
      const response = await doFetch(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: controller.signal,
      });
      const body = Buffer.from(await response.arrayBuffer());
      const limit = request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
      if (body.length > limit) throw new BodyTooLargeError(limit);
      return { status: response.status, header: (name) => response.headers.get(name), body };
    } catch (error) {
      if (error instanceof BodyTooLargeError) throw error;
      throw controller.signal.aborted ? timeoutError(request.timeoutMs) : error;
    } finally {
      clearTimeout(timer);
    }
  };
}
