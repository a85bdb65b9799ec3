/** Envelopes of Ack and GetStatus, asks and answers. */
import { assertMessageId } from './message-id.ts';
import type { SmevVersion } from './namespaces.ts';
import { asyncProcessingStatus, signatureWrapper } from './build-structures.ts';
import { B, T, element, escapeText, formatDateTime, operationNamespaces, soapEnvelope } from './xml-writer.ts';
import { DEFAULT_IDS, type AsyncProcessingStatus, type DateTimeInput } from './model.ts';

export interface AckRequestInput {
  readonly version: SmevVersion;
  /** MessageID of the received message (SenderProvidedRequestData or SenderProvidedResponseData). */
  readonly messageId: string;
  /** true: SMEV signature verified and message taken; false: signature rejected, message ignored. */
  readonly accepted: boolean;
  readonly id?: string;
  readonly callerSignature?: string;
}

export function buildAckRequest(input: AckRequestInput): string {
  assertMessageId(input.messageId, 'AckTargetMessage');
  return soapEnvelope(
    element(T('AckRequest'), operationNamespaces(input.version), [
      element(B('AckTargetMessage'), { Id: input.id ?? DEFAULT_IDS.caller, accepted: String(input.accepted) }, [escapeText(input.messageId)]),
      signatureWrapper(T('CallerInformationSystemSignature'), input.callerSignature),
    ]),
  );
}

export function buildAckResponse(input: { readonly version: SmevVersion }): string {
  return soapEnvelope(element(T('AckResponse'), operationNamespaces(input.version), []));
}

export interface GetStatusRequestInput {
  readonly version: SmevVersion;
  readonly timestamp: DateTimeInput;
  readonly id?: string;
  /** Mandatory in the XSD; optional here so unsigned drafts can be built and signed afterwards. */
  readonly callerSignature?: string;
}

export function buildGetStatusRequest(input: GetStatusRequestInput): string {
  return soapEnvelope(
    element(T('GetStatusRequest'), operationNamespaces(input.version), [
      element(B('Timestamp'), { Id: input.id ?? DEFAULT_IDS.caller }, [escapeText(formatDateTime(input.timestamp))]),
      signatureWrapper(T('CallerInformationSystemSignature'), input.callerSignature),
    ]),
  );
}

export interface GetStatusResponseInput {
  readonly version: SmevVersion;
  /** Absent: the status queue is empty. */
  readonly message?: {
    readonly id?: string;
    readonly status: AsyncProcessingStatus;
    readonly smevSignature?: string;
  };
}

export function buildGetStatusResponse(input: GetStatusResponseInput): string {
  const { version, message: m } = input;
  const content =
    m &&
    element(T('SmevAsyncProcessingMessage'), {}, [
      element(T('AsyncProcessingStatusData'), { Id: m.id ?? DEFAULT_IDS.smev }, [asyncProcessingStatus(m.status, version)]),
      signatureWrapper(T('SMEVSignature'), m.smevSignature),
    ]);
  return soapEnvelope(element(T('GetStatusResponse'), operationNamespaces(version), [content]));
}
