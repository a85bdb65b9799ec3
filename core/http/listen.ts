/**
 * Process plumbing the kit's services share (the kernel runs no service itself): listen on a host and port and
 * report the URL, close so that kept-alive sockets do not hold the process, and run a service's main until
 * SIGINT or SIGTERM with exit codes scripts can rely on (0 stopped cleanly, 1 failed).
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { KitError } from '../errors/index.ts';

export interface ListeningServer {
  readonly server: Server;
  readonly url: string;
  /** Stops accepting, drops kept-alive connections and resolves once the server is closed. */
  close(): Promise<void>;
}

export async function listenHttp(handler: RequestListener, at: { host: string; port: number }): Promise<ListeningServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(at.port, at.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** True when `moduleUrl` (a module's import.meta.url) is the script node was started with. */
export function isMainModule(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href;
}

/**
 * Starts a service, prints `<name> listening on <url>`, and stops it on the first SIGINT or SIGTERM. A start
 * failure prints the error (a KitError as `CODE: message`) and exits 1.
 */
export function runUntilSignalled(name: string, start: () => Promise<{ url: string; close(): Promise<void> }>): void {
  start().then(
    (running) => {
      process.stdout.write(`${name} listening on ${running.url}\n`);
      let stopping = false;
      const stop = (signal: string): void => {
        if (stopping) return;
        stopping = true;
        process.stdout.write(`${signal}: stopping ${name}\n`);
        running.close().then(
          () => process.exit(0),
          (error: unknown) => {
            process.stderr.write(`${String(error)}\n`);
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    },
    (error: unknown) => {
      process.stderr.write(error instanceof KitError ? `${error.code}: ${error.message}\n` : `${String(error)}\n`);
      process.exit(1);
    },
  );
}
