/**
 * @module transport
 * The terminal of the pipeline: hands the call to the configured AgencyTransport (direct or hub).
 */
import type { AgencyTransport } from '../../transport/agency-transport.ts';
import type { Terminal } from '../compose.ts';

export function transportTerminal(transport: AgencyTransport, timeoutMs: number): Terminal {
  return function send(ctx) {
    return transport.call({ call: ctx.call, correlationId: ctx.correlationId, timeoutMs });
  };
}
