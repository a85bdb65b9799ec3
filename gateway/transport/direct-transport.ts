/**
 * @module direct-transport
 * Synchronous SOAP straight to each agency (GATEWAY_MODE=direct) through adapters/transport callAgencyDirect:
 * the request is built by the adapter and signed with the gateway's key; the answer is verified against the
 * trust list before anything else reads it (an unverified answer becomes ERR_AGENCY_UNVERIFIED_RESPONSE and is
 * never used), then validated against the agency's XSD and normalized by the adapter. The correlation id rides
 * along as an HTTP header so the agency's (or simulator's) logs can be joined to ours.
 */
import { callAgencyDirect } from '../../adapters/transport/direct-soap-client.ts';
import { getContract, type AgencyContract, type ContractOperation } from '../../core/contracts/index.ts';
import type { DirectSigning } from '../../core/direct-soap/index.ts';
import { KitError } from '../../core/errors/index.ts';
import type { TrustList } from '../../core/smev/signature/index.ts';
import type { CalledAgency } from '../config/config.ts';
import type { AgencyCall } from '../pipeline/call-context.ts';
import type { AgencyTransport } from './agency-transport.ts';

export const CORRELATION_HEADER = 'x-correlation-id';

export interface DirectTransportOptions {
  readonly agencyUrls: Readonly<Record<CalledAgency, string>>;
  readonly signing: DirectSigning;
  readonly trust: TrustList;
  /** Send through this fetch instead of node:http (tests record calls this way). */
  readonly fetch?: typeof fetch;
}

export function createDirectTransport(options: DirectTransportOptions): AgencyTransport {
  return {
    name: 'direct',
    call({ call, correlationId, timeoutMs }) {
      const { contract, operation } = contractOf(call);
      return callAgencyDirect({
        url: options.agencyUrls[call.agency],
        contract,
        operation,
        adapter: call.adapter,
        query: call.query,
        signing: options.signing,
        trust: options.trust,
        timeoutMs,
        headers: { [CORRELATION_HEADER]: correlationId },
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      });
    },
  };
}

function contractOf(call: AgencyCall): { contract: AgencyContract; operation: ContractOperation } {
  const contract = getContract(call.agency);
  const operation = contract.operations.find((op) => op.requestRoot === call.adapter.messageType.localName);
  if (operation === undefined) throw new KitError('ERR_INTERNAL', `No ${call.agency} operation sends ${call.adapter.messageType.localName}`);
  return { contract, operation };
}
