/**
 * @module agency-transport
 * The pipeline's last step: get one agency's answer, signed, verified and normalized. Two implementations:
 * `direct` (synchronous SOAP straight to the agency, direct-transport.ts) and `hub` (send through the exchange,
 * poll, Ack — hub-transport.ts). A transport never retries, caches or limits: the stages above do that, once,
 * for both.
 */
import type { AdapterOutcome } from '../../core/adapter/index.ts';
import type { AgencyCall } from '../pipeline/call-context.ts';

export interface TransportRequest {
  readonly call: AgencyCall;
  /** Carried to the agency (HTTP header X-Correlation-Id) so its journal can be matched to our logs. */
  readonly correlationId: string;
  readonly timeoutMs: number;
}

export interface AgencyTransport {
  readonly name: 'direct' | 'hub';
  /** Never throws for agency-side problems: every failure is an `error` outcome with a typed KitError. */
  call(request: TransportRequest): Promise<AdapterOutcome>;
  close?(): Promise<void>;
}
