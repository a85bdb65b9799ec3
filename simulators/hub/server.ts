/**
 * @module server
 * startHub: createHub plus a listening node:http server (default 127.0.0.1, a free port).
 */
import type { Server } from 'node:http';
import { listenHttp } from '../../core/http/index.ts';
import type { SmevVersion } from '../../core/smev/envelope/index.ts';
import { createHub, soapPathFor, type CreateHubExtras } from './app.ts';
import type { HubHandle } from './hub-handle.ts';
import { HUB_VERSIONS } from './hub-handle.ts';
import type { HubOptions } from './hub-options.ts';

export interface RunningHub {
  /** The 1.2 SOAP endpoint, e.g. http://127.0.0.1:7200/smev/v1.2/ws */
  readonly url: string;
  /** Every version's endpoint. */
  readonly urls: Readonly<Record<SmevVersion, string>>;
  /** http://host:port/__admin */
  readonly adminUrl: string;
  readonly origin: string;
  readonly hub: HubHandle;
  readonly server: Server;
  close(): Promise<void>;
}

export async function startHub(options: HubOptions, extras: CreateHubExtras = {}): Promise<RunningHub> {
  const created = createHub(options, extras);
  const { host, port } = created.hub.options;
  let listening;
  try {
    listening = await listenHttp(created.app, { host, port });
  } catch (error) {
    await created.close();
    throw error;
  }
  const { server, url: origin } = listening;
  const urls = Object.fromEntries(HUB_VERSIONS.map((v) => [v, `${origin}${soapPathFor(v)}`])) as Record<SmevVersion, string>;
  return {
    url: urls['1.2'],
    urls: Object.freeze(urls),
    adminUrl: `${origin}/__admin`,
    origin,
    hub: created.hub,
    server,
    async close() {
      await listening.close();
      await created.close();
    },
  };
}
