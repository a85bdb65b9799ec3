/** Envelopes of the polling operations: GetRequest (provider) and GetResponse (consumer), asks and answers. */
import { assertMessageId } from './message-id.ts';
import type { SmevVersion } from './namespaces.ts';
import {
  attachmentContentList,
  fsAttachmentsList,
  messageMetadata,
  messageTypeSelector,
  senderProvidedRequestData,
  senderProvidedResponseData,
  signatureWrapper,
} from './build-structures.ts';
import { T, element, leaf, operationNamespaces, soapEnvelope } from './xml-writer.ts';
import {
  DEFAULT_IDS,
  type AttachmentContent,
  type FsAttachment,
  type MessageMetadata,
  type MessageTypeSelector,
  type RawElement,
  type SenderProvidedRequestDataInput,
  type SenderProvidedResponseDataInput,
} from './model.ts';

export interface PollRequestInput {
  readonly version: SmevVersion;
  readonly selector: MessageTypeSelector;
  readonly callerSignature?: string;
}

function pollRequest(operation: 'GetRequestRequest' | 'GetResponseRequest', input: PollRequestInput): string {
  return soapEnvelope(
    element(T(operation), operationNamespaces(input.version), [
      messageTypeSelector(input.selector, input.version),
      signatureWrapper(T('CallerInformationSystemSignature'), input.callerSignature),
    ]),
  );
}

export function buildGetRequestRequest(input: PollRequestInput): string {
  return pollRequest('GetRequestRequest', input);
}

export function buildGetResponseRequest(input: PollRequestInput): string {
  return pollRequest('GetResponseRequest', input);
}

/** A request as SMEV hands it to a provider (Request@Id, signed by SMEV). */
export interface RequestMessageInput {
  readonly id?: string;
  readonly requestData: SenderProvidedRequestDataInput | RawElement;
  readonly metadata: MessageMetadata;
  readonly fsAttachments?: readonly FsAttachment[];
  readonly replyTo?: string;
  /** The consumer's ЭП-ОВ, relayed as SenderInformationSystemSignature. */
  readonly senderSignature?: string;
  readonly attachmentContents?: readonly AttachmentContent[];
  readonly smevSignature?: string;
}

export interface GetRequestResponseInput {
  readonly version: SmevVersion;
  /** Absent: the queue is empty and the answer is an empty GetRequestResponse. */
  readonly message?: RequestMessageInput;
}

export function buildGetRequestResponse(input: GetRequestResponseInput): string {
  const { version, message: m } = input;
  const requestMessage =
    m &&
    element(T('RequestMessage'), {}, [
      element(T('Request'), { Id: m.id ?? DEFAULT_IDS.smev }, [
        senderProvidedRequestData(m.requestData, version),
        messageMetadata(m.metadata, version),
        fsAttachmentsList(m.fsAttachments),
        leaf(T('ReplyTo'), m.replyTo),
        signatureWrapper(T('SenderInformationSystemSignature'), m.senderSignature),
      ]),
      attachmentContentList(m.attachmentContents),
      signatureWrapper(T('SMEVSignature'), m.smevSignature),
    ]);
  return soapEnvelope(element(T('GetRequestResponse'), operationNamespaces(version), [requestMessage]));
}

/** A response as SMEV hands it to the consumer (Response@Id, signed by SMEV). */
export interface ResponseMessageInput {
  readonly id?: string;
  readonly originalMessageId?: string;
  readonly originalTransactionCode?: string;
  readonly referenceMessageId?: string;
  readonly responseData: SenderProvidedResponseDataInput | RawElement;
  readonly metadata: MessageMetadata;
  readonly fsAttachments?: readonly FsAttachment[];
  readonly senderSignature?: string;
  readonly attachmentContents?: readonly AttachmentContent[];
  readonly smevSignature?: string;
}

export interface GetResponseResponseInput {
  readonly version: SmevVersion;
  /** Absent: the queue is empty. */
  readonly message?: ResponseMessageInput;
}

export function buildGetResponseResponse(input: GetResponseResponseInput): string {
  const { version, message: m } = input;
  if (m?.originalMessageId !== undefined) assertMessageId(m.originalMessageId, 'Response/OriginalMessageId');
  if (m?.referenceMessageId !== undefined) assertMessageId(m.referenceMessageId, 'Response/ReferenceMessageID');
  const responseMessage =
    m &&
    element(T('ResponseMessage'), {}, [
      element(T('Response'), { Id: m.id ?? DEFAULT_IDS.smev }, [
        leaf(T('OriginalMessageId'), m.originalMessageId),
        leaf(T('OriginalTransactionCode'), m.originalTransactionCode),
        leaf(T('ReferenceMessageID'), m.referenceMessageId),
        senderProvidedResponseData(m.responseData, version),
        messageMetadata(m.metadata, version),
        fsAttachmentsList(m.fsAttachments),
        signatureWrapper(T('SenderInformationSystemSignature'), m.senderSignature),
      ]),
      attachmentContentList(m.attachmentContents),
      signatureWrapper(T('SMEVSignature'), m.smevSignature),
    ]);
  return soapEnvelope(element(T('GetResponseResponse'), operationNamespaces(version), [responseMessage]));
}
