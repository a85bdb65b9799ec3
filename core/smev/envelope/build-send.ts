/** Envelopes of the two send operations (SendRequest, SendResponse) and their synchronous answers. */
import { KitError } from '../../errors/index.ts';
import { smevNamespaces, type SmevVersion } from './namespaces.ts';
import {
  attachmentContentList,
  messageMetadata,
  senderProvidedRequestData,
  senderProvidedResponseData,
  signatureWrapper,
} from './build-structures.ts';
import { T, element, embedFragment, operationNamespaces, soapEnvelope } from './xml-writer.ts';
import {
  DEFAULT_IDS,
  type AttachmentContent,
  type MessageMetadata,
  type RawElement,
  type SenderProvidedRequestDataInput,
  type SenderProvidedResponseDataInput,
} from './model.ts';

export interface SendRequestRequestInput {
  readonly version: SmevVersion;
  readonly requestData: SenderProvidedRequestDataInput | RawElement;
  readonly attachmentContents?: readonly AttachmentContent[];
  /** Serialized ds:Signature (ЭП-ОВ) for CallerInformationSystemSignature; left out when absent. */
  readonly callerSignature?: string;
  /** 1.3 only: a serialized rout:Routing element. */
  readonly routing?: string;
}

export function buildSendRequestRequest(input: SendRequestRequestInput): string {
  const { version } = input;
  let routing: string | undefined;
  if (input.routing !== undefined) {
    const routingNs = smevNamespaces(version).routing;
    if (routingNs === undefined) {
      throw new KitError('ERR_ENVELOPE_INVALID', `Routing exists only in 1.3, not in ${version}`, { path: 'SendRequestRequest/Routing' });
    }
    routing = embedFragment(input.routing, 'SendRequestRequest/Routing', { namespaceUri: routingNs, localName: 'Routing' });
  }
  return soapEnvelope(
    element(T('SendRequestRequest'), operationNamespaces(version), [
      senderProvidedRequestData(input.requestData, version),
      attachmentContentList(input.attachmentContents),
      signatureWrapper(T('CallerInformationSystemSignature'), input.callerSignature),
      routing,
    ]),
  );
}

export interface SendResponseRequestInput {
  readonly version: SmevVersion;
  readonly responseData: SenderProvidedResponseDataInput | RawElement;
  readonly attachmentContents?: readonly AttachmentContent[];
  readonly callerSignature?: string;
}

export function buildSendResponseRequest(input: SendResponseRequestInput): string {
  const { version } = input;
  return soapEnvelope(
    element(T('SendResponseRequest'), operationNamespaces(version), [
      senderProvidedResponseData(input.responseData, version),
      attachmentContentList(input.attachmentContents),
      signatureWrapper(T('CallerInformationSystemSignature'), input.callerSignature),
    ]),
  );
}

/** The synchronous answer to a send: SMEV's metadata (Id SIGNED_BY_SMEV by default) and its signature. */
export interface SendAnswerInput {
  readonly version: SmevVersion;
  readonly metadata: MessageMetadata;
  readonly smevSignature?: string;
}

function sendAnswer(operation: 'SendRequestResponse' | 'SendResponseResponse', input: SendAnswerInput): string {
  return soapEnvelope(
    element(T(operation), operationNamespaces(input.version), [
      messageMetadata(input.metadata, input.version, DEFAULT_IDS.smev),
      signatureWrapper(T('SMEVSignature'), input.smevSignature),
    ]),
  );
}

export function buildSendRequestResponse(input: SendAnswerInput): string {
  return sendAnswer('SendRequestResponse', input);
}

export function buildSendResponseResponse(input: SendAnswerInput): string {
  return sendAnswer('SendResponseResponse', input);
}
