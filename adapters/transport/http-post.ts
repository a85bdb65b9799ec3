/**
 * One HTTP POST of a SOAP body and its whole answer, behind a small interface so the direct client can use either
 * node:http (the default) or an injected fetch (tests record or rewrite calls that way).
 *
 * Why node:http by default: in the decisions bench, undici's fetch wrote each request as several chunks (headers,
 * body, terminator: 1.5 s of `writev` in a 19 s gateway profile) and spent as much again in its own Request /
 * Response machinery. `request.end(body)` with a Content-Length sends the headers and the body in one write, and
 * the global agent keeps connections alive (Node >= 19). msw's setupServer intercepts node:http as it does fetch,
 * because `http.request` is looked up on the module at call time.
 */
import http from 'node:http';
import https from 'node:https';

export interface PostedAnswer {
  readonly status: number;
  /** A response header by lower-case name, or null. */
  header(name: string): string | null;
  readonly body: Uint8Array;
}

export interface PostRequest {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** For the whole exchange, including a slowly dripping answer; rejects with a TimeoutError when it passes. */
  readonly timeoutMs: number;
}

export type HttpPost = (url: string, request: PostRequest) => Promise<PostedAnswer>;

const timeoutError = (ms: number): DOMException => new DOMException(`timed out after ${ms} ms`, 'TimeoutError');

export const postWithNodeHttp: HttpPost = (url, request) =>
  new Promise<PostedAnswer>((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const payload = Buffer.from(request.body, 'utf8');
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(error);
    };
    const req = client.request(target, { method: 'POST', headers: { ...request.headers, 'content-length': String(payload.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      // A connection closed in the middle of the body ends with 'close' and no 'end'.
      res.on('close', () => {
        if (!res.complete) fail(Object.assign(new Error('the connection closed before the answer was complete'), { code: 'ECONNRESET' }));
      });
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const headers = res.headers;
        resolve({
          status: res.statusCode ?? 0,
          header: (name) => {
            const value = headers[name];
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

/** The same exchange through a fetch function (an injected one, or msw's in browser-like setups). */
export function postWithFetch(doFetch: typeof fetch): HttpPost {
  return async (url, request) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(timeoutError(request.timeoutMs)), request.timeoutMs);
    try {
      const response = await doFetch(url, { method: 'POST', headers: request.headers, body: request.body, signal: controller.signal });
      const body = new Uint8Array(await response.arrayBuffer());
      return { status: response.status, header: (name) => response.headers.get(name), body };
    } catch (error) {
      // An abort by our timer surfaces as an AbortError (or the reason itself): report it as the timeout it is.
      throw controller.signal.aborted ? timeoutError(request.timeoutMs) : error;
    } finally {
      clearTimeout(timer);
    }
  };
}
