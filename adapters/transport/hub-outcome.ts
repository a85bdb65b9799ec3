/**
 * A verified hub response → the adapter's typed outcome, in the direct client's order and with its mapping
 * (direct-soap-client.ts), so a caller cannot tell the two modes apart by their outcomes: RequestRejected through
 * outcomeForRejection, RequestStatus → not-ready, a business payload checked (root, XSD) before the adapter reads
 * it. Hub-only: an asynchronous rejection by the exchange → ERR_AGENCY_REJECTED with the SMEV fault text.
 */
import type { AdapterOutcome, AgencyAdapter, FactsQuery, ProvenanceContext } from '../../core/adapter/index.ts';
import { messageTypeKey, outcomeForRejection } from '../../core/adapter/index.ts';
import { getContract, loadXsdValidator } from '../../core/contracts/index.ts';
import { KitError } from '../../core/errors/index.ts';
import type { FactGroup } from '../../core/facts/index.ts';
import type { ReceivedResponse } from './hub-receive.ts';

const error = <G extends FactGroup>(kitError: KitError): AdapterOutcome<G> => ({ kind: 'error', error: kitError });

/** Statuses after which nothing more will come for the request. */
const FINAL_ASYNC = new Set(['requestIsRejectedBySmev', 'responseIsRejectedBySmev', 'cancelled', 'doesNotExist']);

/**
 * The outcome of one response to request `requestMessageId`, or undefined when the response is an informational
 * status of the exchange (the request is still under way: keep waiting).
 */
export function outcomeForHubResponse<G extends FactGroup>(
  received: ReceivedResponse,
  adapter: AgencyAdapter<G>,
  request: { readonly messageId: string; readonly query?: FactsQuery },
): AdapterOutcome<G> | undefined {
  const agency = adapter.agency;
  if (!received.verified) {
    const reason = `${received.error.code}: ${received.error.message}`;
    return error(new KitError('ERR_AGENCY_UNVERIFIED_RESPONSE', `The answer of agency ${agency} delivered by the exchange failed signature verification (${reason})`, { agency, reason, responseMessageId: received.messageId }, { cause: received.error }));
  }
  const { body } = received;
  switch (body.kind) {
    case 'async': {
      const { status } = body;
      if (!FINAL_ASYNC.has(status.statusCategory)) return undefined;
      const fault = status.smevFault;
      const text = [fault?.description, status.statusDetails, ...(fault?.validationErrors ?? []).map((v) => v.message)].filter((t) => t !== undefined && t !== '').join('; ');
      return error(new KitError('ERR_AGENCY_REJECTED', `The exchange rejected the request to ${agency} (${status.statusCategory}): ${text || 'no details'}`, {
        agency,
        statusCategory: status.statusCategory,
        ...(fault?.code ? { smevFaultCode: fault.code } : {}),
        ...(fault?.description ? { description: fault.description } : {}),
        ...(fault?.type ? { fault: fault.type } : {}),
      }));
    }
    case 'rejected':
      return outcomeForRejection<G>(body, agency);
    case 'status': {
      const retry = Number(body.parameters.RetryAfterMs ?? body.parameters.retryAfterMs);
      return { kind: 'not-ready', ...(Number.isFinite(retry) && retry >= 0 ? { retryAfterMs: retry } : {}) };
    }
    case 'business': {
      const contract = getContract(agency);
      const operation = contract.operations.find((op) => op.requestRoot === adapter.messageType.localName);
      if (!operation || body.root.namespaceUri !== contract.namespace || body.root.localName !== operation.responseRoot) {
        return error(badResponse(agency, `expected {${contract.namespace}}${operation?.responseRoot ?? '?'}, got ${messageTypeKey(body.root)}`));
      }
      const validation = loadXsdValidator(contract.files.xsdPath).validate(body.xml);
      if (!validation.valid) {
        return error(badResponse(agency, `the answer fails the ${agency} XSD: ${validation.errors.map((e) => e.message).join('; ')}`));
      }
      const context: ProvenanceContext = {
        messageId: received.messageId,
        receivedAt: received.receivedAt.toISOString(),
        signatureVerified: true,
        request: {
          messageId: request.messageId,
          messageType: messageTypeKey(adapter.messageType),
          ...(request.query?.period ? { period: request.query.period } : {}),
        },
      };
      return adapter.readAnswer(body, context);
    }
  }
}

function badResponse(agency: string, reason: string): KitError {
  return new KitError('ERR_AGENCY_BAD_RESPONSE', `The answer of agency ${agency} could not be used: ${reason}`, { agency, reason });
}

export function timeoutOutcome<G extends FactGroup>(agency: string, messageId: string, timeoutMs: number, lastError?: KitError): AdapterOutcome<G> {
  // A poll that kept failing with a retryable fault says more than "no answer": the exchange itself was the trouble.
  if (lastError) return error(new KitError(lastError.code, `No answer from ${agency} within ${timeoutMs} ms; last poll: ${lastError.message}`, { ...lastError.details, agency, messageId, timeoutMs }, { cause: lastError }));
  return error(new KitError('ERR_AGENCY_TIMEOUT', `Agency ${agency} did not answer through the exchange within ${timeoutMs} ms`, { agency, messageId, timeoutMs }));
}
