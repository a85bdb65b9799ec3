/**
 * The direct synchronous SOAP call to one agency (core/direct-soap wire format): build the request with the
 * adapter, sign it if asked, POST it (node:http, or an injected fetch: core/http), then read the answer in an order
 * that never lets an unchecked answer through: envelope → agency signature against the trust list → XSD → adapter.
 * Every failure is a typed outcome; only programming errors (non-KitErrors from the adapter) throw.
 */
import { loadXsdValidator, type AgencyContract, type ContractOperation } from '../../core/contracts/index.ts';
import type { AdapterOutcome, AgencyAdapter, FactsQuery, ProvenanceContext } from '../../core/adapter/index.ts';
import { messageTypeKey, outcomeForRejection } from '../../core/adapter/index.ts';
import {
  AGENCY_ANSWER_ID,
  SOAP11_CONTENT_TYPE,
  buildDirectRequest,
  buildSignedDirectRequest,
  parseDirectAnswer,
  soapActionHeader,
  verifyDirectEnvelope,
  type DirectAnswer,
  type DirectFault,
  type DirectSigning,
} from '../../core/direct-soap/index.ts';
import { KitError, isKitError } from '../../core/errors/index.ts';
import type { FactGroup } from '../../core/facts/index.ts';
import { generateMessageId, isMessageIdV1 } from '../../core/smev/envelope/index.ts';
import type { TrustList } from '../../core/smev/signature/index.ts';
import { markAnswerSchemaChecked } from '../xml/checked-answer.ts';
import { BodyTooLargeError, exchangeOverFetch, exchangeOverNodeHttp, type HttpExchangeAnswer } from '../../core/http/index.ts';
import { errorForFetchFailure, errorForHttpStatus, retryAfterMs } from './transport-failure.ts';

export interface CallAgencyDirectOptions<G extends FactGroup> {
  /** The agency's SOAP endpoint, e.g. http://127.0.0.1:7102/ws/fns */
  readonly url: string;
  readonly contract: AgencyContract;
  readonly operation: ContractOperation;
  readonly adapter: AgencyAdapter<G>;
  readonly query: FactsQuery;
  /** Sign the request (kit:CallerSignature); unsigned when absent. */
  readonly signing?: DirectSigning;
  /** Certificates the agency's answer signature must chain to. */
  readonly trust: TrustList;
  /** The whole call, including reading a slowly dripping body. */
  readonly timeoutMs: number;
  /** Extra request headers (e.g. a correlation id); content-type and SOAPAction are always ours. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Send through this fetch instead of node:http (tests record calls this way; msw intercepts either). */
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
}

const error = <G extends FactGroup>(kitError: KitError): AdapterOutcome<G> => ({ kind: 'error', error: kitError });

export async function callAgencyDirect<G extends FactGroup>(options: CallAgencyDirectOptions<G>): Promise<AdapterOutcome<G>> {
  const { adapter, contract, operation, url, timeoutMs } = options;
  const now = options.now ?? (() => new Date());
  let request: { xml: string; messageId: string };
  try {
    request = buildSignedRequest(options);
  } catch (cause) {
    if (isKitError(cause)) return error(cause);
    throw cause;
  }
  const exchange = options.fetch === undefined ? exchangeOverNodeHttp : exchangeOverFetch(options.fetch);
  let posted: HttpExchangeAnswer;
  try {
    posted = await exchange({
      method: 'POST',
      url,
      headers: { ...options.headers, 'content-type': SOAP11_CONTENT_TYPE, soapaction: soapActionHeader(operation) },
      body: request.xml,
      timeoutMs,
    });
  } catch (cause) {
    if (cause instanceof BodyTooLargeError) return error(badResponse(adapter.agency, cause.message, cause));
    return error(errorForFetchFailure(cause, { agency: adapter.agency, url, timeoutMs, timedOut: (cause as { name?: unknown } | null)?.name === 'TimeoutError' }));
  }
  const { status, body } = posted;
  const receivedAt = now();
  const contentType = posted.header('content-type') ?? '';
  if (status !== 200 && !/xml|multipart/i.test(contentType)) {
    return error(errorForHttpStatus(status, { agency: adapter.agency, url, retryAfterMs: retryAfterMs(posted.header('retry-after'), receivedAt) }));
  }
  let parsed: DirectAnswer;
  try {
    parsed = parseDirectAnswer(body, contentType || 'text/xml');
  } catch (cause) {
    if (status >= 500) return error(errorForHttpStatus(status, { agency: adapter.agency, url, retryAfterMs: retryAfterMs(posted.header('retry-after'), receivedAt) }));
    return error(badResponse(adapter.agency, `the answer is not a readable SOAP envelope: ${(cause as Error).message}`, cause));
  }
  if (parsed.kind === 'fault') return error(errorForFault(parsed.fault, adapter.agency));
  try {
    verifyDirectEnvelope(parsed.document, { side: 'agency', referenceId: AGENCY_ANSWER_ID, expectedElement: parsed.answerElement, trust: options.trust, now: receivedAt });
  } catch (cause) {
    const reason = isKitError(cause) ? `${cause.code}: ${cause.message}` : String(cause);
    return error(new KitError('ERR_AGENCY_UNVERIFIED_RESPONSE', `The answer of agency ${adapter.agency} failed signature verification (${reason})`, { agency: adapter.agency, reason }, { cause }));
  }
  const { answer } = parsed;
  if (answer.kind === 'rejected') return outcomeForRejection<G>(answer, adapter.agency);
  if (answer.kind === 'status') return { kind: 'not-ready', ...(parsed.retryAfterMs === undefined ? {} : { retryAfterMs: parsed.retryAfterMs }) };
  if (answer.root.namespaceUri !== contract.namespace || answer.root.localName !== operation.responseRoot) {
    return error(badResponse(adapter.agency, `expected {${contract.namespace}}${operation.responseRoot}, got ${messageTypeKey(answer.root)}`));
  }
  const validation = loadXsdValidator(contract.files.xsdPath).validate(answer.xml);
  if (!validation.valid) {
    return error(badResponse(adapter.agency, `the answer fails the ${contract.agency} XSD: ${validation.errors.map((e) => e.message).join('; ')}`, undefined, validation.errors));
  }
  // The adapter's answer pipeline (adapters/xml) would parse and validate this same text again: tell it that it
  // passed, and hand it the verified element, so each check runs once.
  markAnswerSchemaChecked(answer, contract.files.xsdPath, parsed.answerElement);
  const context: ProvenanceContext = {
    // A direct answer without a usable kit:MessageID still needs an id for provenance: ours, minted on receipt.
    messageId: parsed.messageId !== undefined && isMessageIdV1(parsed.messageId) ? parsed.messageId : generateMessageId(receivedAt),
    receivedAt: receivedAt.toISOString(),
    signatureVerified: true,
    request: { messageId: request.messageId, messageType: messageTypeKey(adapter.messageType), ...(options.query.period ? { period: options.query.period } : {}) },
  };
  return adapter.readAnswer(answer, context);
}

function buildSignedRequest<G extends FactGroup>(options: CallAgencyDirectOptions<G>): { xml: string; messageId: string } {
  const input = { payloadXml: options.adapter.buildRequest(options.query) };
  return options.signing ? buildSignedDirectRequest(input, options.signing) : buildDirectRequest(input);
}

function badResponse(agency: string, reason: string, cause?: unknown, issues?: unknown): KitError {
  return new KitError('ERR_AGENCY_BAD_RESPONSE', `The answer of agency ${agency} could not be used: ${reason}`, { agency, reason, ...(issues ? { issues } : {}) }, { cause });
}

function errorForFault(fault: DirectFault, agency: string): KitError {
  switch (fault.kind) {
    case 'invalid-content':
      return new KitError('ERR_AGENCY_REJECTED', `Agency ${agency} refused the request as invalid: ${fault.problems.map((p) => p.message).join('; ')}`, { agency, problems: fault.problems });
    case 'smev':
      return new KitError(fault.retryable ? 'ERR_SMEV_RETRY_LATER' : 'ERR_SMEV_FAULT', `Agency ${agency} answered with SMEV fault ${fault.name}: ${fault.description ?? fault.faultstring}`, {
        agency,
        fault: fault.name,
        ...(fault.spec ? { action: fault.spec.action } : {}),
        ...(fault.description ? { description: fault.description } : {}),
      });
    case 'soap':
      return new KitError('ERR_SMEV_FAULT', `Agency ${agency} answered with SOAP fault ${fault.faultcode}: ${fault.faultstring}`, { agency, faultcode: fault.faultcode });
  }
}
