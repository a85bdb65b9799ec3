import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyTooLargeError, exchangeOverFetch, exchangeOverNodeHttp, type HttpExchangeRequest } from '../../core/http/index.ts';

const post = (url: string, rest: Omit<HttpExchangeRequest, 'method' | 'url'>) => exchangeOverNodeHttp({ method: 'POST', url, ...rest });

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => { s.closeAllConnections(); s.close(() => resolve()); })));
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => handler(req, res, body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/ws`;
}

describe('one HTTP exchange over node:http', () => {
  it('sends the body with its byte length and our headers, and returns status, headers and the whole answer', async () => {
    let seen: { length: string | undefined; action: string | undefined; body: string } | undefined;
    const url = await serve((req, res, body) => {
      seen = { length: req.headers['content-length'], action: String(req.headers['soapaction']), body };
      res.writeHead(500, { 'content-type': 'text/xml', 'retry-after': '3' });
      res.write('<a>');
      res.end('Ж</a>');
    });
    const answer = await post(url, { headers: { soapaction: '"urn:x"' }, body: '<Запрос/>', timeoutMs: 2_000 });
    expect(seen).toEqual({ length: String(Buffer.byteLength('<Запрос/>')), action: '"urn:x"', body: '<Запрос/>' });
    expect(answer.status).toBe(500);
    expect(answer.header('retry-after')).toBe('3');
    expect(answer.header('x-missing')).toBeNull();
    expect(Buffer.from(answer.body).toString('utf8')).toBe('<a>Ж</a>');
  });

  it('rejects with a TimeoutError when the answer drips past the timeout', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.write('<a>'); // and never ends
    });
    await expect(post(url, { headers: {}, body: '<q/>', timeoutMs: 100 })).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('rejects with the socket error when the connection closes in the middle of the answer', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml', 'content-length': '1000' });
      res.write('<a>', () => res.socket?.destroy());
    });
    await expect(post(url, { headers: {}, body: '<q/>', timeoutMs: 2_000 })).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('sends an idempotent request again, once, when a kept-alive connection turns out closed as it is reused', async () => {
    const served = new WeakSet<object>();
    let dropped = 0;
    const url = await serve((req, res) => {
      // The second request on one connection: close it unanswered, as a server whose idle timeout just ran out.
      if (served.has(req.socket)) {
        dropped += 1;
        req.socket.destroy();
        return;
      }
      served.add(req.socket);
      res.end('ok');
    });
    const once = { headers: {}, body: '<q/>', timeoutMs: 2_000, idempotent: true };
    expect(Buffer.from((await post(url, once)).body).toString()).toBe('ok');
    expect(Buffer.from((await post(url, once)).body).toString()).toBe('ok');
    expect(dropped).toBe(1);
    // Not marked idempotent (the gateway's agency calls, retried by its own stage): one attempt, one request.
    await expect(post(url, { headers: {}, body: '<q/>', timeoutMs: 2_000 })).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(dropped).toBe(2);
  });

  it('refuses an answer longer than maxBodyBytes instead of buffering it, over node:http and over fetch', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end('x'.repeat(5_000));
    });
    await expect(post(url, { headers: {}, body: '<q/>', timeoutMs: 2_000, maxBodyBytes: 1_000 })).rejects.toBeInstanceOf(BodyTooLargeError);
    await expect(exchangeOverFetch(fetch)({ method: 'POST', url, headers: {}, body: '<q/>', timeoutMs: 2_000, maxBodyBytes: 1_000 })).rejects.toBeInstanceOf(BodyTooLargeError);
    expect((await post(url, { headers: {}, body: '<q/>', timeoutMs: 2_000, maxBodyBytes: 5_000 })).body.length).toBe(5_000);
  });

  it('rejects with ECONNREFUSED when nothing listens', async () => {
    const url = await serve(() => {});
    await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()));
    await expect(post(url, { headers: {}, body: '<q/>', timeoutMs: 2_000 })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('through an injected fetch reports our timeout as a TimeoutError too', async () => {
    const url = await serve(() => {}); // never answers
    await expect(exchangeOverFetch(fetch)({ method: 'POST', url, headers: {}, body: '<q/>', timeoutMs: 100 })).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});
