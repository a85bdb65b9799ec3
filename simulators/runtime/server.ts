/**
 * @module server
 * Starts one agency simulator on a port (default: 127.0.0.1, a free port) and says where it is.
 */
import type { Server } from 'node:http';
import { listenHttp } from '../../core/http/index.ts';
import { createAgencySimulatorApp, type AgencySimulatorAppOptions } from './app.ts';
import { soapEndpointUrl } from './handle-agency-request.ts';
import { createSimulatorListener } from './soap-listener.ts';

export interface StartAgencySimulatorOptions extends AgencySimulatorAppOptions {
  readonly host?: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
}

export interface RunningAgencySimulator {
  /** The SOAP endpoint, e.g. http://127.0.0.1:7102/ws/fns */
  readonly url: string;
  /** The endpoint with ?wsdl */
  readonly wsdlUrl: string;
  /** http://host:port (the admin API is at origin + /__admin) */
  readonly origin: string;
  readonly server: Server;
  /** Stops listening and drops held connections (timeouts, drips); does not close the engine. */
  close(): Promise<void>;
}

export async function startAgencySimulator(options: StartAgencySimulatorOptions): Promise<RunningAgencySimulator> {
  const { host = '127.0.0.1', port = 0, ...appOptions } = options;
  const app = createAgencySimulatorApp(appOptions);
  // SOAP POSTs are served by node:http directly; the express app serves everything else (soap-listener.ts).
  const { server, url: origin, close } = await listenHttp(createSimulatorListener(app), { host, port });
  const url = soapEndpointUrl(app.runtime, origin);
  return {
    url,
    wsdlUrl: `${url}?wsdl`,
    origin,
    server,
    // Drops held (timeout) and dripping connections too, which would otherwise keep close() waiting for ever.
    close,
  };
}
