/**
 * @module soap-call
 * One SOAP call to a simulated agency, in the order a real agency would check it: read the envelope safely,
 * route it to an operation (SOAPAction, else the body root), validate the payload against the contract XSD,
 * check the caller's signature, then ask the engine what to do and do it (plan-reply.ts). Requests refused
 * before the engine sees them are journaled too, with the reason as the answer.
 */
import { X509Certificate } from 'node:crypto';
import { findByRoot, findBySoapAction, type ContractOperation } from '../../core/contracts/index.ts';
import {
  CALLER_REQUEST_ID,
  SOAP11_CONTENT_TYPE,
  buildInvalidContentFault,
  parseDirectRequest,
  verifyDirectEnvelope,
  type DirectRequest,
} from '../../core/direct-soap/index.ts';
import { isKitError, type KitError } from '../../core/errors/index.ts';
import { buildSmevFault, type SignatureFaultCode } from '../../core/smev/envelope/index.ts';
import type { MemberQuery } from '../engine/index.ts';
import { httpReply, sleep, type AgencyReply, type IncomingAgencyRequest } from './agency-exchange.ts';
import type { AnswerContext } from './agency-simulator.ts';
import type { AgencyRuntime } from './handle-agency-request.ts';
import { dayOf, rememberedRequestSize, type RememberedRequest } from './hot-path-memo.ts';
import { replyForPlan } from './plan-reply.ts';
import { requestMemoKey, slotProbe, type RequestMemoKey } from './request-memo-key.ts';

type Refusal = { readonly status: number; readonly xml: string; readonly operation: string; readonly messageId?: string | undefined; readonly reason: string };

/** A request that passed every check; `remembered` when the memo holds it (hot-path-memo.ts). */
interface Accepted {
  readonly operation: ContractOperation;
  readonly payload: Element;
  readonly messageId: string | undefined;
  readonly remembered: RememberedRequest | undefined;
}

/** Stands for a missing header in memo keys, distinct from any value a header can have. */
const ABSENT = '\u0001';

type Checked = Accepted | { readonly refusal: Refusal };

export async function handleSoapCall(runtime: AgencyRuntime, request: IncomingAgencyRequest): Promise<AgencyReply> {
  const { simulator, engine, now } = runtime.options;
  const checked = checkRemembered(runtime, request);
  if ('refusal' in checked) return refuse(runtime, request, checked.refusal);
  const { operation, messageId, remembered } = checked;
  const context: AnswerContext = { operation: operation.name, request: checked.payload, now: now() };
  const subject: MemberQuery = subjectFor(runtime, context, remembered);
  const plan = engine.decide({ agency: simulator.agency, operation: operation.name, subject, ...(messageId ? { messageId } : {}) });
  // Only a real wait reads the signal: a transport may create it lazily (soap-listener.ts).
  if (plan.latencyMs > 0) await sleep(plan.latencyMs, request.signal);
  const { reply, response } = replyForPlan(runtime, plan, context, remembered);
  const status = reply.kind === 'http' ? reply.status : 'no-response';
  engine.record(plan, { request: request.body, response, status, at: now() });
  return reply;
}

/** The agency's subject query, remembered per request for the engine generation and day it was read under. */
function subjectFor(runtime: AgencyRuntime, context: AnswerContext, remembered: RememberedRequest | undefined): MemberQuery {
  const { simulator, engine } = runtime.options;
  if (remembered === undefined) return simulator.subjectOf(context);
  const generation = engine.generation;
  const day = dayOf(context.now);
  const known = remembered.subject;
  if (known !== undefined && known.generation === generation && known.day === day) return known.query;
  const query = simulator.subjectOf(context);
  remembered.subject = { generation, day, query };
  return query;
}

/** checkRequest, or the remembered outcome of an earlier call with the same bytes (message id aside). */
function checkRemembered(runtime: AgencyRuntime, request: IncomingAgencyRequest): Checked {
  const { memo } = runtime;
  if (memo === undefined) return checkRequest(runtime, request);
  const key = requestMemoKey(request.body, request.headers['content-type'] ?? ABSENT, request.headers['soapaction'] ?? ABSENT, memo.limits.maxRequestBytes);
  if (key === undefined) return checkRequest(runtime, request);
  const hit = memo.requests.get(key.key);
  // A signed request's digest and signature value are fixed by its bytes, so they need no second check; whether its
  // certificate is trusted now depends on the clock, so that is asked on every call (the full path answers a no).
  const signerTrusted = hit?.signer === undefined || runtime.options.trust?.isTrusted(hit.signer, runtime.options.now()) === true;
  if (hit !== undefined && signerTrusted) return { operation: hit.operation, payload: hit.payload, messageId: key.slot ?? hit.messageId, remembered: hit };
  const checked = checkRequest(runtime, request);
  if ('refusal' in checked) return checked;
  // A slotted key stands for every message id only when the parser reads the slot, and nothing but it, as the id.
  if (key.slot !== undefined && !slotIsMessageId(request, key, checked)) return checked;
  const remembered: RememberedRequest = {
    operation: checked.operation,
    payload: checked.payload,
    messageId: key.slot === undefined ? checked.messageId : undefined,
    signer: checked.signer,
    serial: memo.nextSerial(),
    subject: undefined,
  };
  memo.requests.set(key.key, remembered, rememberedRequestSize(key.key, checked.payloadXml));
  return { ...checked, remembered };
}

function slotIsMessageId(request: IncomingAgencyRequest, key: RequestMemoKey, checked: { readonly messageId: string | undefined; readonly payloadXml: string }): boolean {
  if (checked.messageId !== key.slot) return false;
  const probe = slotProbe(request.body, key);
  try {
    const parsed = parseDirectRequest(probe.body, request.headers['content-type'] ?? 'text/xml');
    return parsed.messageId === probe.token && parsed.payloadXml === checked.payloadXml;
  } catch {
    return false;
  }
}

/** `signer`: the certificate of a verified caller signature (memo hits re-check its trust and dates). */
type FullyChecked = (Accepted & { readonly payloadXml: string; readonly signer: X509Certificate | undefined }) | { readonly refusal: Refusal };

function checkRequest(runtime: AgencyRuntime, request: IncomingAgencyRequest): FullyChecked {
  const { simulator, trust, requireSignedRequests, smevVersion, now } = runtime.options;
  const contract = simulator.contract;
  let parsed: DirectRequest;
  try {
    parsed = parseDirectRequest(request.body, request.headers['content-type'] ?? 'text/xml');
  } catch (error) {
    if (!isKitError(error)) throw error;
    return invalidContent('unknown', undefined, [{ message: error.message }]);
  }
  const byRoot = findByRoot(parsed.root);
  const action = request.headers['soapaction']?.trim() ?? '';
  const byAction = action === '' || action === '""' ? undefined : findBySoapAction(action);
  if (action !== '' && action !== '""' && (byAction === undefined || byAction.contract !== contract)) {
    return invalidContent('unknown', parsed.messageId, [{ message: `SOAPAction ${action} is not an operation of the ${contract.agency} contract` }]);
  }
  const operation = byAction?.operation ?? (byRoot?.contract === contract && byRoot.direction === 'request' ? byRoot.operation : undefined);
  if (operation === undefined) {
    const xml = buildSmevFault({
      version: smevVersion,
      fault: 'BusinessDataTypeIsNotSupported',
      description: `{${parsed.root.namespace}}${parsed.root.localName} is not a request of the ${contract.agency} contract`,
      details: { rootElementLocalName: parsed.root.localName, rootElementNamespaceUri: parsed.root.namespace },
    });
    return { refusal: { status: 400, xml, operation: 'unknown', messageId: parsed.messageId, reason: 'unknown payload type' } };
  }
  if (parsed.root.namespace !== contract.namespace || parsed.root.localName !== operation.requestRoot) {
    const problem = `SOAPAction names ${operation.name}, whose request root is {${contract.namespace}}${operation.requestRoot}, but the body holds {${parsed.root.namespace}}${parsed.root.localName}`;
    return invalidContent(operation.name, parsed.messageId, [{ message: problem }]);
  }
  const validation = runtime.validator.validate(parsed.payloadXml);
  if (!validation.valid) return invalidContent(operation.name, parsed.messageId, validation.errors);
  let signer: X509Certificate | undefined;
  if (trust !== undefined && (parsed.signed || requireSignedRequests)) {
    try {
      const verified = verifyDirectEnvelope(parsed.document, {
        side: 'caller',
        referenceId: parsed.payload.getAttribute('Id') || CALLER_REQUEST_ID,
        expectedElement: parsed.payload,
        trust,
        now: now(),
      });
      signer = certificateOf(verified.certificate.pem);
    } catch (error) {
      if (!isKitError(error)) throw error;
      const xml = buildSmevFault({
        version: smevVersion,
        fault: 'SignatureVerificationFault',
        description: error.message,
        details: { signatureFaultCode: signatureFaultCodeOf(error) },
      });
      return { refusal: { status: 400, xml, operation: operation.name, messageId: parsed.messageId, reason: `caller signature: ${error.message}` } };
    }
  }
  return { operation, payload: parsed.payload, payloadXml: parsed.payloadXml, messageId: parsed.messageId, remembered: undefined, signer };
}

function invalidContent(operation: string, messageId: string | undefined, problems: readonly { message: string; line?: number }[]): FullyChecked {
  const xml = buildInvalidContentFault({ problems });
  return { refusal: { status: 400, xml, operation, messageId, reason: `invalid content: ${problems.map((p) => p.message).join('; ')}` } };
}

function signatureFaultCodeOf(error: KitError): SignatureFaultCode {
  switch (error.code) {
    case 'ERR_SIGNATURE_NOT_FOUND':
      return 'NoSignatureFound';
    case 'ERR_SIGNATURE_WRAPPING':
    case 'ERR_SIGNATURE_REFERENCE_NOT_FOUND':
      return 'IncorrectSignatureTarget';
    case 'ERR_CERTIFICATE_UNTRUSTED':
      return 'CertificateIsNotFound';
    case 'ERR_CERTIFICATE_EXPIRED':
      return 'CertificateIsExpired';
    default:
      return 'SignatureIsInvalid';
  }
}

function refuse(runtime: AgencyRuntime, request: IncomingAgencyRequest, refusal: Refusal): AgencyReply {
  const { engine, simulator, now } = runtime.options;
  engine.journal.append({
    time: now(),
    agency: simulator.agency,
    operation: refusal.operation,
    messageId: refusal.messageId,
    request: request.body,
    response: refusal.xml,
    status: refusal.status,
    latencyMs: 0,
    nearMiss: `refused before the scenario engine: ${refusal.reason}`,
  });
  return httpReply(refusal.status, SOAP11_CONTENT_TYPE, refusal.xml);
}

// Remembered requests of one caller share its certificate object, so the trust list's per-object anchor cache
// holds (one issuer check per signer, not per request). Callers are few; the map is emptied if they are not.
const certificates = new Map<string, X509Certificate>();
function certificateOf(pem: string): X509Certificate {
  let certificate = certificates.get(pem);
  if (certificate === undefined) {
    if (certificates.size >= 64) certificates.clear();
    certificate = new X509Certificate(pem);
    certificates.set(pem, certificate);
  }
  return certificate;
}
