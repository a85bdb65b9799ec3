/**
 * Data shapes of the message-exchange structures (reference §1.4), shared by the builders (inputs) and the
 * parser (outputs, which add the DOM elements needed for signature checks).
 */
import type { InteractionStatus, MessageType, RejectionReasonCode } from './statuses.ts';
import type { ValidationError } from './faults.ts';

/** De-facto Id conventions (reference §1.5); every builder lets the caller override them. */
export const DEFAULT_IDS = Object.freeze({
  senderProvidedData: 'SIGNED_BY_CONSUMER',
  caller: 'SIGNED_BY_CALLER',
  smev: 'SIGNED_BY_SMEV',
  asyncBySmev: 'SIGNED_ASYNC_BY_SMEV',
});

/** xs:dateTime: a Date is written as UTC ISO 8601, a string is written as given. */
export type DateTimeInput = Date | string;

/** An element supplied already serialized (e.g. a relayed, signed SenderProvidedRequestData). */
export interface RawElement {
  readonly xml: string;
}

export interface Party {
  readonly mnemonic?: string;
  readonly humanReadableName?: string;
}

export interface ArchiveFile {
  readonly name: string;
  readonly namespaceUri?: string;
}

/** MTOM attachment header (signed part); the content travels in AttachmentContentList. */
export interface AttachmentHeader {
  readonly contentId: string;
  /** 1.3 only. */
  readonly namespaceUri?: string;
  readonly mimeType: string;
  /** base64 detached CMS over the file. */
  readonly signaturePkcs7?: string;
  /** 1.3 only. */
  readonly archive?: readonly ArchiveFile[];
}

/** File-store (FTP) attachment header. */
export interface RefAttachmentHeader {
  readonly uuid: string;
  /** 1.3 only. */
  readonly fileName?: string;
  /** 1.3 only. */
  readonly namespaceUri?: string;
  /** base64 GOST digest of the file. */
  readonly hash: string;
  readonly mimeType: string;
  readonly signaturePkcs7?: string;
  readonly archive?: readonly ArchiveFile[];
}

export interface AttachmentContent {
  readonly id: string;
  /** base64 content (an xop:Include in MTOM bodies is not expanded here). */
  readonly content: string;
}

export interface FsAttachment {
  readonly uuid: string;
  readonly userName: string;
  readonly password: string;
  readonly fileName: string;
}

export interface SupplementaryData {
  readonly detectedContentTypeName?: string;
  readonly interactionType?: string;
}

export interface MessageMetadata<T = DateTimeInput> {
  readonly id?: string;
  readonly messageId?: string;
  readonly messageType: MessageType;
  readonly sender?: Party;
  readonly sendingTimestamp: T;
  /** 1.1/1.2 only. */
  readonly messageBroker?: string;
  /** 1.1/1.2 only. */
  readonly destinationName?: string;
  readonly recipient?: Party;
  /** 1.1/1.2 only. */
  readonly supplementaryData?: SupplementaryData;
  readonly deliveryTimestamp?: T;
  readonly status?: InteractionStatus;
}

export interface MessageTypeSelector<T = DateTimeInput> {
  readonly id?: string;
  readonly namespaceUri?: string;
  readonly rootElementLocalName?: string;
  readonly timestamp: T;
  /** 1.3 only. */
  readonly nodeId?: string;
}

export interface RequestRejection {
  readonly code: RejectionReasonCode;
  readonly description: string;
}

export interface RequestStatus {
  readonly code: number;
  readonly parameters?: readonly { readonly key: string; readonly value: string }[];
  readonly description: string;
}

/** SmevFault inside AsyncProcessingStatus; `type` is the xsi:type local name when it names a fault (e.g. InvalidContent). */
export interface AsyncSmevFault {
  readonly type?: string;
  readonly code?: string;
  readonly description?: string;
  readonly validationErrors?: readonly ValidationError[];
}

export interface AsyncProcessingStatus {
  readonly originalMessageId: string;
  readonly statusCategory: InteractionStatus;
  readonly statusDetails?: string;
  readonly smevFault?: AsyncSmevFault;
}

/** Fields of SenderProvidedRequestData that are plain data (payload and signatures are handled separately). */
export interface RequestDataFields<T = DateTimeInput> {
  readonly id?: string;
  readonly messageId: string;
  readonly referenceMessageId?: string;
  readonly transactionCode?: string;
  readonly nodeId?: string;
  readonly eol?: T;
  readonly attachmentHeaders?: readonly AttachmentHeader[];
  readonly refAttachmentHeaders?: readonly RefAttachmentHeader[];
  readonly testMessage?: boolean;
}

export interface SenderProvidedRequestDataInput extends RequestDataFields {
  /** The business payload: one namespaced element, as XML text. */
  readonly content: string;
  /** Serialized ds:Signature for the PersonalSignature wrapper (ЭП-СП). */
  readonly personalSignature?: string;
  /** Serialized foreign elements (e.g. CaseInfo) for BusinessProcessMetadata. */
  readonly businessProcessMetadata?: readonly string[];
}

/** The one choice of SenderProvidedResponseData. */
export type ResponseBodyInput =
  | {
      readonly kind: 'content';
      readonly content: string;
      readonly personalSignature?: string;
      readonly attachmentHeaders?: readonly AttachmentHeader[];
      readonly refAttachmentHeaders?: readonly RefAttachmentHeader[];
    }
  | { readonly kind: 'rejected'; readonly rejections: readonly RequestRejection[] }
  | { readonly kind: 'status'; readonly status: RequestStatus }
  | { readonly kind: 'async'; readonly asyncStatus: AsyncProcessingStatus };

export interface SenderProvidedResponseDataInput {
  readonly id?: string;
  readonly messageId: string;
  readonly to: string;
  readonly body: ResponseBodyInput;
}
