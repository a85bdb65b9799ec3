/**
 * @module hub-fault
 * A SMEV fault the hub answers with: thrown anywhere inside an operation, written as the SOAP 1.1 fault of the
 * endpoint's schema version by the SOAP handler. Stage codes follow the real Code format (TR:SYNC:stage:n).
 */
import type { SmevFaultDetails, SmevFaultName } from '../../core/smev/envelope/index.ts';

export class HubFault extends Error {
  readonly fault: SmevFaultName;
  readonly details: SmevFaultDetails | undefined;
  /** The `<stage>:<n>` part of Code, e.g. "SPS:1" for signature checks. */
  readonly stage: string;

  constructor(fault: SmevFaultName, description: string, options: { details?: SmevFaultDetails; stage?: string } = {}) {
    super(description);
    this.name = 'HubFault';
    this.fault = fault;
    this.details = options.details;
    this.stage = options.stage ?? 'DAS:1';
  }
}

export function isHubFault(value: unknown): value is HubFault {
  return value instanceof HubFault;
}

/** The Code element of a hub fault: `<env>:<area>:<node> : TR:<SYNC|ASYNC>:<stage>`. */
export function hubFaultCode(stage: string, mode: 'SYNC' | 'ASYNC' = 'SYNC'): string {
  return `agency-kit:HUB_AREA:HUB_NODE1 : TR:${mode}:${stage}`;
}
