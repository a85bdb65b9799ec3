/**
 * Writers for the structures shared by several operations (reference §1.4). Element order follows the XSD
 * sequences; version-only elements are written only for the versions that define them.
 */
import { KitError } from '../../errors/index.ts';
import { XMLDSIG_NS, XSI_NS, smevNamespaces, type SmevVersion } from './namespaces.ts';
import { assertMessageId } from './message-id.ts';
import { isInteractionStatus, isMessageType, isRejectionReasonCode } from './statuses.ts';
import { B, PREFIX, T, element, embedFragment, formatDateTime, leaf, type Child } from './xml-writer.ts';
import {
  DEFAULT_IDS,
  type ArchiveFile,
  type AsyncProcessingStatus,
  type AttachmentContent,
  type AttachmentHeader,
  type FsAttachment,
  type MessageMetadata,
  type MessageTypeSelector,
  type Party,
  type RawElement,
  type RefAttachmentHeader,
  type SenderProvidedRequestDataInput,
  type SenderProvidedResponseDataInput,
} from './model.ts';

function invalid(message: string, path: string): KitError {
  return new KitError('ERR_ENVELOPE_INVALID', message, { path });
}

/** A signature wrapper element around a caller-supplied ds:Signature; nothing when absent. */
export function signatureWrapper(qname: string, signatureXml: string | undefined): Child {
  if (signatureXml === undefined) return undefined;
  return element(qname, {}, [embedFragment(signatureXml, qname, { namespaceUri: XMLDSIG_NS, localName: 'Signature' })]);
}

export function payload(xml: string, where: string): string {
  return element(B('MessagePrimaryContent'), {}, [embedFragment(xml, where, { namespaceUri: true })]);
}

function archive(files: readonly ArchiveFile[] | undefined, version: SmevVersion): Child {
  if (!files || files.length === 0 || version !== '1.3') return undefined;
  if (files.length > 1000) throw invalid('Archive may list at most 1000 files', 'Archive');
  return element(B('Archive'), {}, files.map((f) => element(B('File'), {}, [leaf(B('Name'), f.name), leaf(B('NamespaceUri'), f.namespaceUri)])));
}

export function attachmentHeaderList(headers: readonly AttachmentHeader[] | undefined, version: SmevVersion): Child {
  if (!headers || headers.length === 0) return undefined;
  const v13 = version === '1.3';
  return element(
    B('AttachmentHeaderList'),
    {},
    headers.map((h) =>
      element(B('AttachmentHeader'), {}, [
        leaf(B('contentId'), h.contentId),
        v13 && leaf(B('NamespaceUri'), h.namespaceUri),
        leaf(B('MimeType'), h.mimeType),
        leaf(B('SignaturePKCS7'), h.signaturePkcs7),
        archive(h.archive, version),
      ]),
    ),
  );
}

export function refAttachmentHeaderList(headers: readonly RefAttachmentHeader[] | undefined, version: SmevVersion): Child {
  if (!headers || headers.length === 0) return undefined;
  const v13 = version === '1.3';
  return element(
    B('RefAttachmentHeaderList'),
    {},
    headers.map((h) =>
      element(B('RefAttachmentHeader'), {}, [
        leaf(B('uuid'), h.uuid),
        v13 && leaf(B('FileName'), h.fileName),
        v13 && leaf(B('NamespaceUri'), h.namespaceUri),
        leaf(B('Hash'), h.hash),
        leaf(B('MimeType'), h.mimeType),
        leaf(B('SignaturePKCS7'), h.signaturePkcs7),
        archive(h.archive, version),
      ]),
    ),
  );
}

export function attachmentContentList(contents: readonly AttachmentContent[] | undefined): Child {
  if (!contents || contents.length === 0) return undefined;
  return element(
    B('AttachmentContentList'),
    {},
    contents.map((c) => element(B('AttachmentContent'), {}, [leaf(B('Id'), c.id), leaf(B('Content'), c.content)])),
  );
}

export function fsAttachmentsList(list: readonly FsAttachment[] | undefined): Child {
  if (!list || list.length === 0) return undefined;
  return element(
    B('FSAttachmentsList'),
    {},
    list.map((a) =>
      element(B('FSAttachment'), {}, [leaf(B('uuid'), a.uuid), leaf(B('UserName'), a.userName), leaf(B('Password'), a.password), leaf(B('FileName'), a.fileName)]),
    ),
  );
}

export function senderProvidedRequestData(data: SenderProvidedRequestDataInput | RawElement, version: SmevVersion): string {
  if ('xml' in data) {
    return embedFragment(data.xml, 'SenderProvidedRequestData', { namespaceUri: smevNamespaces(version).types, localName: 'SenderProvidedRequestData' });
  }
  assertMessageId(data.messageId, 'SenderProvidedRequestData/MessageID');
  if (data.referenceMessageId !== undefined) assertMessageId(data.referenceMessageId, 'SenderProvidedRequestData/ReferenceMessageID');
  if (data.transactionCode !== undefined && data.transactionCode.length > 1500) throw invalid('TransactionCode is longer than 1500 characters', 'SenderProvidedRequestData/TransactionCode');
  if (data.nodeId !== undefined && data.nodeId.length > 50) throw invalid('NodeID is longer than 50 characters', 'SenderProvidedRequestData/NodeID');
  const metadata = data.businessProcessMetadata ?? [];
  return element(T('SenderProvidedRequestData'), { Id: data.id ?? DEFAULT_IDS.senderProvidedData }, [
    leaf(T('MessageID'), data.messageId),
    leaf(T('ReferenceMessageID'), data.referenceMessageId),
    leaf(T('TransactionCode'), data.transactionCode),
    leaf(T('NodeID'), data.nodeId),
    leaf(T('EOL'), data.eol === undefined ? undefined : formatDateTime(data.eol)),
    payload(data.content, 'SenderProvidedRequestData/MessagePrimaryContent'),
    signatureWrapper(T('PersonalSignature'), data.personalSignature),
    attachmentHeaderList(data.attachmentHeaders, version),
    refAttachmentHeaderList(data.refAttachmentHeaders, version),
    metadata.length > 0 &&
      element(T('BusinessProcessMetadata'), {}, metadata.map((xml, i) => embedFragment(xml, `BusinessProcessMetadata[${i}]`, { namespaceUri: true }))),
    data.testMessage === true && element(T('TestMessage'), {}, []),
  ]);
}

export function asyncProcessingStatus(status: AsyncProcessingStatus, version: SmevVersion): string {
  assertMessageId(status.originalMessageId, 'AsyncProcessingStatus/OriginalMessageId');
  if (!isInteractionStatus(status.statusCategory, version)) {
    throw invalid(`StatusCategory "${status.statusCategory}" is not an InteractionStatusType of ${version}`, 'AsyncProcessingStatus/StatusCategory');
  }
  const fault = status.smevFault;
  let faultXml: Child;
  if (fault) {
    const ns = smevNamespaces(version);
    const attributes = fault.type
      ? { [`xmlns:${PREFIX.faults}`]: ns.faults, [`xmlns:${PREFIX.xsi}`]: XSI_NS, [`${PREFIX.xsi}:type`]: `${PREFIX.faults}:${fault.type}` }
      : {};
    faultXml = element(T('SmevFault'), attributes, [
      leaf(B('Code'), fault.code),
      leaf(B('Description'), fault.description),
      ...(fault.type ? validationErrors(fault.validationErrors) : []),
    ]);
  }
  return element(T('AsyncProcessingStatus'), {}, [
    leaf(T('OriginalMessageId'), status.originalMessageId),
    leaf(T('StatusCategory'), status.statusCategory),
    leaf(T('StatusDetails'), status.statusDetails),
    faultXml,
  ]);
}

/** ValidationError elements in the faults namespace; the `f` prefix must be declared by an ancestor. */
export function validationErrors(list: readonly { position?: number; message: string }[] | undefined): string[] {
  return (list ?? []).map((e) => leaf(`${PREFIX.faults}:ValidationError`, e.message, { errorPosition: e.position === undefined ? undefined : String(e.position) })!);
}

export function senderProvidedResponseData(data: SenderProvidedResponseDataInput | RawElement, version: SmevVersion): string {
  if ('xml' in data) {
    return embedFragment(data.xml, 'SenderProvidedResponseData', { namespaceUri: smevNamespaces(version).types, localName: 'SenderProvidedResponseData' });
  }
  assertMessageId(data.messageId, 'SenderProvidedResponseData/MessageID');
  const body = data.body;
  let choice: Child[];
  let defaultId: string = DEFAULT_IDS.senderProvidedData;
  switch (body.kind) {
    case 'content':
      choice = [
        payload(body.content, 'SenderProvidedResponseData/MessagePrimaryContent'),
        signatureWrapper(T('PersonalSignature'), body.personalSignature),
        attachmentHeaderList(body.attachmentHeaders, version),
        refAttachmentHeaderList(body.refAttachmentHeaders, version),
      ];
      break;
    case 'rejected':
      if (body.rejections.length === 0) throw invalid('RequestRejected needs at least one rejection', 'SenderProvidedResponseData/RequestRejected');
      choice = body.rejections.map((r) => {
        if (!isRejectionReasonCode(r.code)) throw invalid(`RejectionReasonCode "${r.code}" is not in the enumeration`, 'RequestRejected/RejectionReasonCode');
        return element(T('RequestRejected'), {}, [leaf(T('RejectionReasonCode'), r.code), leaf(T('RejectionReasonDescription'), r.description)]);
      });
      break;
    case 'status':
      if (!Number.isInteger(body.status.code)) throw invalid('RequestStatus/StatusCode must be an integer', 'RequestStatus/StatusCode');
      choice = [
        element(T('RequestStatus'), {}, [
          leaf(T('StatusCode'), body.status.code),
          ...(body.status.parameters ?? []).map((p) => element(T('StatusParameter'), {}, [leaf(T('Key'), p.key), leaf(T('Value'), p.value)])),
          leaf(T('StatusDescription'), body.status.description),
        ]),
      ];
      break;
    case 'async':
      choice = [asyncProcessingStatus(body.asyncStatus, version)];
      defaultId = DEFAULT_IDS.asyncBySmev;
      break;
    default:
      throw invalid('SenderProvidedResponseData needs exactly one of content, rejected, status or async', 'SenderProvidedResponseData');
  }
  return element(T('SenderProvidedResponseData'), { Id: data.id ?? defaultId }, [leaf(T('MessageID'), data.messageId), leaf(T('To'), data.to), ...choice]);
}

function party(qname: string, p: Party | undefined): Child {
  if (!p) return undefined;
  return element(qname, {}, [leaf(T('Mnemonic'), p.mnemonic), leaf(T('HumanReadableName'), p.humanReadableName)]);
}

export function messageMetadata(m: MessageMetadata, version: SmevVersion, defaultId?: string): string {
  if (!isMessageType(m.messageType, version)) throw invalid(`MessageType "${m.messageType}" is not defined in ${version}`, 'MessageMetadata/MessageType');
  if (m.status !== undefined && !isInteractionStatus(m.status, version)) {
    throw invalid(`Status "${m.status}" is not an InteractionStatusType of ${version}`, 'MessageMetadata/Status');
  }
  const legacy = version !== '1.3';
  const sd = m.supplementaryData;
  return element(T('MessageMetadata'), { Id: m.id ?? defaultId }, [
    leaf(T('MessageId'), m.messageId),
    leaf(T('MessageType'), m.messageType),
    party(T('Sender'), m.sender),
    leaf(T('SendingTimestamp'), formatDateTime(m.sendingTimestamp)),
    legacy && leaf(T('MessageBroker'), m.messageBroker),
    legacy && leaf(T('DestinationName'), m.destinationName),
    party(T('Recipient'), m.recipient),
    legacy && sd && element(T('SupplementaryData'), {}, [leaf(T('DetectedContentTypeName'), sd.detectedContentTypeName), leaf(T('InteractionType'), sd.interactionType)]),
    leaf(T('DeliveryTimestamp'), m.deliveryTimestamp === undefined ? undefined : formatDateTime(m.deliveryTimestamp)),
    leaf(T('Status'), m.status),
  ]);
}

export function messageTypeSelector(s: MessageTypeSelector, version: SmevVersion): string {
  if ((s.namespaceUri === undefined) !== (s.rootElementLocalName === undefined)) {
    throw invalid('MessageTypeSelector needs both NamespaceURI and RootElementLocalName, or neither', 'MessageTypeSelector');
  }
  if (s.nodeId !== undefined && version !== '1.3') throw invalid('MessageTypeSelector/NodeID exists only in 1.3', 'MessageTypeSelector/NodeID');
  return element(B('MessageTypeSelector'), { Id: s.id ?? DEFAULT_IDS.caller }, [
    leaf(B('NamespaceURI'), s.namespaceUri),
    leaf(B('RootElementLocalName'), s.rootElementLocalName),
    leaf(B('Timestamp'), formatDateTime(s.timestamp)),
    leaf(B('NodeID'), s.nodeId),
  ]);
}
