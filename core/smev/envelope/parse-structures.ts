/** Readers for the structures shared by several operations; the mirror of build-structures.ts. */
import { XMLSerializer } from '@xmldom/xmldom';
import { childElements, textOf } from '../../xml/index.ts';
import { XSI_NS } from './namespaces.ts';
import { isInteractionStatus, isMessageType, isRejectionReasonCode, type InteractionStatus, type MessageType } from './statuses.ts';
import type { ValidationError } from './faults.ts';
import type { Scope } from './parse-scope.ts';
import type {
  ArchiveFile,
  AsyncProcessingStatus,
  AsyncSmevFault,
  AttachmentContent,
  AttachmentHeader,
  FsAttachment,
  Party,
  RefAttachmentHeader,
  RequestRejection,
} from './model.ts';
import type { ParsedMetadata, ParsedPayload, ParsedRequestData, ParsedResponseBody, ParsedResponseData, ParsedSelector } from './parsed-model.ts';

/** Drops undefined values so parsed objects compare equal to the inputs they were built from. */
function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

export function readPayload(scope: Scope): ParsedPayload {
  const kids = childElements(scope.element);
  if (kids.length !== 1) throw scope.invalid(`${scope.path} must hold exactly one element, found ${kids.length}`);
  const element = kids[0]!;
  if (!element.namespaceURI) throw scope.invalid(`${scope.path}/${element.localName} has no namespace; the payload root must be namespaced`);
  return { namespaceUri: element.namespaceURI, localName: element.localName, xml: new XMLSerializer().serializeToString(element), element };
}

function readArchive(scope: Scope): ArchiveFile[] | undefined {
  const archive = scope.optional('Archive');
  if (!archive) return undefined;
  return archive.children('File').map((f) => {
    const file = archive.enter(f);
    return compact({ name: file.requireText('Name'), namespaceUri: file.text('NamespaceUri') });
  });
}

export function readAttachmentHeaders(scope: Scope): AttachmentHeader[] | undefined {
  const list = scope.optional('AttachmentHeaderList');
  if (!list) return undefined;
  return list.children('AttachmentHeader').map((el) => {
    const h = list.enter(el);
    return compact({
      contentId: h.requireText('contentId'),
      namespaceUri: h.text('NamespaceUri'),
      mimeType: h.requireText('MimeType'),
      signaturePkcs7: h.text('SignaturePKCS7'),
      archive: readArchive(h),
    });
  });
}

export function readRefAttachmentHeaders(scope: Scope): RefAttachmentHeader[] | undefined {
  const list = scope.optional('RefAttachmentHeaderList');
  if (!list) return undefined;
  return list.children('RefAttachmentHeader').map((el) => {
    const h = list.enter(el);
    return compact({
      uuid: h.requireText('uuid'),
      fileName: h.text('FileName'),
      namespaceUri: h.text('NamespaceUri'),
      hash: h.requireText('Hash'),
      mimeType: h.requireText('MimeType'),
      signaturePkcs7: h.text('SignaturePKCS7'),
      archive: readArchive(h),
    });
  });
}

export function readAttachmentContents(scope: Scope): AttachmentContent[] {
  const list = scope.optional('AttachmentContentList');
  if (!list) return [];
  return list.children('AttachmentContent').map((el) => {
    const c = list.enter(el);
    // Content may be an xop:Include in an MTOM body; then the text is empty and the part comes from the multipart.
    return { id: c.requireText('Id'), content: c.text('Content') ?? '' };
  });
}

export function readFsAttachments(scope: Scope): FsAttachment[] {
  const list = scope.optional('FSAttachmentsList');
  if (!list) return [];
  return list.children('FSAttachment').map((el) => {
    const a = list.enter(el);
    return { uuid: a.requireText('uuid'), userName: a.requireText('UserName'), password: a.requireText('Password'), fileName: a.requireText('FileName') };
  });
}

export function readRequestData(scope: Scope): ParsedRequestData {
  const bpm = scope.optional('BusinessProcessMetadata');
  return compact({
    id: scope.id(),
    element: scope.element,
    messageId: scope.messageId('MessageID'),
    referenceMessageId: scope.optionalMessageId('ReferenceMessageID'),
    transactionCode: scope.text('TransactionCode'),
    nodeId: scope.text('NodeID'),
    eol: scope.text('EOL'),
    content: readPayload(scope.require('MessagePrimaryContent')),
    personalSignature: scope.signatureWrapper('PersonalSignature'),
    attachmentHeaders: readAttachmentHeaders(scope),
    refAttachmentHeaders: readRefAttachmentHeaders(scope),
    businessProcessMetadata: bpm ? childElements(bpm.element) : [],
    testMessage: scope.child('TestMessage') !== undefined,
  });
}

// Lenient on purpose: late-1.1 servers are not guaranteed to stick to the early 1.1 list, so any value known in some
// version is read; a value no version knows is refused.
function readStatus(scope: Scope, localName: string): InteractionStatus {
  const value = scope.requireText(localName);
  if (!isInteractionStatus(value, '1.3') && !isInteractionStatus(value, '1.1')) {
    throw scope.invalid(`${scope.path}/${localName} "${value.slice(0, 60)}" is not an InteractionStatusType`, `${scope.path}/${localName}`);
  }
  return value;
}

export function readValidationErrors(scope: Scope): ValidationError[] {
  return scope.children('ValidationError').map((el) => {
    const raw = el.getAttribute('errorPosition');
    const position = raw !== null && /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : undefined;
    return compact({ position, message: textOf(el).trim() });
  });
}

export function readAsyncStatus(scope: Scope): AsyncProcessingStatus {
  const faultScope = scope.optional('SmevFault');
  let smevFault: AsyncSmevFault | undefined;
  if (faultScope) {
    const xsiType = faultScope.element.getAttributeNS(XSI_NS, 'type');
    const type = xsiType ? xsiType.slice(xsiType.indexOf(':') + 1) : undefined;
    const errors = readValidationErrors(faultScope);
    smevFault = compact({
      type: type === 'SmevFault' ? undefined : type,
      code: faultScope.text('Code'),
      description: faultScope.text('Description'),
      validationErrors: errors.length > 0 ? errors : undefined,
    });
  }
  return compact({
    originalMessageId: scope.messageId('OriginalMessageId'),
    statusCategory: readStatus(scope, 'StatusCategory'),
    statusDetails: scope.text('StatusDetails'),
    smevFault,
  });
}

function readResponseBody(scope: Scope): ParsedResponseBody {
  const present = ['MessagePrimaryContent', 'RequestRejected', 'RequestStatus', 'AsyncProcessingStatus'].filter((n) => scope.child(n));
  if (present.length !== 1) {
    throw scope.invalid(
      present.length === 0
        ? `${scope.path} has none of MessagePrimaryContent, RequestRejected, RequestStatus, AsyncProcessingStatus`
        : `${scope.path} has more than one of ${present.join(', ')}`,
    );
  }
  switch (present[0]) {
    case 'MessagePrimaryContent':
      return compact({
        kind: 'content' as const,
        content: readPayload(scope.require('MessagePrimaryContent')),
        personalSignature: scope.signatureWrapper('PersonalSignature'),
        attachmentHeaders: readAttachmentHeaders(scope),
        refAttachmentHeaders: readRefAttachmentHeaders(scope),
      });
    case 'RequestRejected':
      return {
        kind: 'rejected',
        rejections: scope.children('RequestRejected').map((el): RequestRejection => {
          const r = scope.enter(el);
          const code = r.requireText('RejectionReasonCode');
          if (!isRejectionReasonCode(code)) throw r.invalid(`${r.path}/RejectionReasonCode "${code.slice(0, 60)}" is not in the enumeration`);
          return { code, description: r.text('RejectionReasonDescription') ?? r.text('RejectionReason') ?? '' };
        }),
      };
    case 'RequestStatus': {
      const s = scope.require('RequestStatus');
      const parameters = s.children('StatusParameter').map((el) => {
        const p = s.enter(el);
        return { key: p.requireText('Key'), value: p.text('Value') ?? '' };
      });
      return {
        kind: 'status',
        status: compact({ code: s.int('StatusCode', true), parameters: parameters.length > 0 ? parameters : undefined, description: s.text('StatusDescription') ?? '' }),
      };
    }
    default:
      return { kind: 'async', asyncStatus: readAsyncStatus(scope.require('AsyncProcessingStatus')) };
  }
}

export function readResponseData(scope: Scope): ParsedResponseData {
  return compact({
    id: scope.id(),
    element: scope.element,
    messageId: scope.messageId('MessageID'),
    to: scope.text('To') ?? '',
    body: readResponseBody(scope),
  });
}

function readParty(scope: Scope, localName: string): Party | undefined {
  const p = scope.optional(localName);
  return p ? compact({ mnemonic: p.text('Mnemonic'), humanReadableName: p.text('HumanReadableName') }) : undefined;
}

export function readMetadata(scope: Scope): ParsedMetadata {
  const messageType = scope.requireText('MessageType');
  if (!isMessageType(messageType, scope.ns.version)) {
    throw scope.invalid(`${scope.path}/MessageType "${messageType.slice(0, 40)}" is not defined in ${scope.ns.version}`, `${scope.path}/MessageType`);
  }
  const sd = scope.optional('SupplementaryData');
  return compact({
    element: scope.element,
    id: scope.id(),
    messageId: scope.text('MessageId'),
    messageType: messageType as MessageType,
    sender: readParty(scope, 'Sender'),
    sendingTimestamp: scope.requireText('SendingTimestamp'),
    messageBroker: scope.text('MessageBroker'),
    destinationName: scope.text('DestinationName'),
    recipient: readParty(scope, 'Recipient'),
    supplementaryData: sd ? compact({ detectedContentTypeName: sd.text('DetectedContentTypeName'), interactionType: sd.text('InteractionType') }) : undefined,
    deliveryTimestamp: scope.text('DeliveryTimestamp'),
    status: scope.child('Status') ? readStatus(scope, 'Status') : undefined,
  });
}

export function readSelector(scope: Scope): ParsedSelector {
  const namespaceUri = scope.text('NamespaceURI');
  const rootElementLocalName = scope.text('RootElementLocalName');
  if ((namespaceUri === undefined) !== (rootElementLocalName === undefined)) {
    throw scope.invalid(`${scope.path} needs both NamespaceURI and RootElementLocalName, or neither`);
  }
  return compact({
    element: scope.element,
    id: scope.id(),
    namespaceUri,
    rootElementLocalName,
    timestamp: scope.requireText('Timestamp'),
    nodeId: scope.text('NodeID'),
  });
}
