/**
 * What parseSmevEnvelope returns: a discriminated union on `operation`. Signed structures keep their Id and DOM
 * element, signature wrappers keep their ds:Signature element, and `document` is the parsed DOM, so a signature
 * module can verify without parsing again.
 */
import type { SmevVersion } from './namespaces.ts';
import type { SmevFaultDetails, SmevFaultSpec } from './faults.ts';
import type {
  AsyncProcessingStatus,
  AttachmentContent,
  FsAttachment,
  MessageMetadata,
  MessageTypeSelector,
  RequestDataFields,
  RequestRejection,
  RequestStatus,
} from './model.ts';

export interface ParsedPayload {
  readonly namespaceUri: string;
  readonly localName: string;
  /** The payload element serialized on its own (in-scope namespaces declared). */
  readonly xml: string;
  readonly element: Element;
}

export interface ParsedSignatureWrapper {
  /** The wrapper element (CallerInformationSystemSignature, SMEVSignature, …). */
  readonly element: Element;
  /** Its ds:Signature child, if any. */
  readonly signature?: Element;
}

/** A structure that carries an Id and may be the target of a signature. */
export interface Signed {
  readonly id?: string;
  readonly element: Element;
}

export interface ParsedRequestData extends RequestDataFields<string>, Signed {
  readonly content: ParsedPayload;
  readonly personalSignature?: ParsedSignatureWrapper;
  readonly businessProcessMetadata: readonly Element[];
  readonly testMessage: boolean;
}

export type ParsedResponseBody =
  | {
      readonly kind: 'content';
      readonly content: ParsedPayload;
      readonly personalSignature?: ParsedSignatureWrapper;
      readonly attachmentHeaders?: RequestDataFields['attachmentHeaders'];
      readonly refAttachmentHeaders?: RequestDataFields['refAttachmentHeaders'];
    }
  | { readonly kind: 'rejected'; readonly rejections: readonly RequestRejection[] }
  | { readonly kind: 'status'; readonly status: RequestStatus }
  | { readonly kind: 'async'; readonly asyncStatus: AsyncProcessingStatus };

export interface ParsedResponseData extends Signed {
  readonly messageId: string;
  readonly to: string;
  readonly body: ParsedResponseBody;
}

export type ParsedMetadata = MessageMetadata<string> & { readonly element: Element };
export type ParsedSelector = MessageTypeSelector<string> & { readonly element: Element };

export interface ParsedRequest extends Signed {
  readonly requestData: ParsedRequestData;
  readonly metadata: ParsedMetadata;
  readonly fsAttachments: readonly FsAttachment[];
  readonly replyTo?: string;
  readonly senderSignature?: ParsedSignatureWrapper;
}

export interface ParsedResponse extends Signed {
  readonly originalMessageId?: string;
  readonly originalTransactionCode?: string;
  readonly referenceMessageId?: string;
  readonly responseData: ParsedResponseData;
  readonly metadata: ParsedMetadata;
  readonly fsAttachments: readonly FsAttachment[];
  readonly senderSignature?: ParsedSignatureWrapper;
}

interface EnvelopeBase {
  readonly version: SmevVersion;
  readonly document: Document;
  /** The operation element (first child of soap:Body). */
  readonly operationElement: Element;
}

export interface SendRequestRequestEnvelope extends EnvelopeBase {
  readonly operation: 'SendRequestRequest';
  readonly requestData: ParsedRequestData;
  readonly attachmentContents: readonly AttachmentContent[];
  readonly callerSignature?: ParsedSignatureWrapper;
  /** 1.3 rout:Routing, unparsed. */
  readonly routing?: Element;
}

export interface SendResponseRequestEnvelope extends EnvelopeBase {
  readonly operation: 'SendResponseRequest';
  readonly responseData: ParsedResponseData;
  readonly attachmentContents: readonly AttachmentContent[];
  readonly callerSignature?: ParsedSignatureWrapper;
}

export interface SendAnswerEnvelope<Op extends 'SendRequestResponse' | 'SendResponseResponse'> extends EnvelopeBase {
  readonly operation: Op;
  readonly metadata: ParsedMetadata;
  readonly smevSignature?: ParsedSignatureWrapper;
}

export interface PollRequestEnvelope<Op extends 'GetRequestRequest' | 'GetResponseRequest'> extends EnvelopeBase {
  readonly operation: Op;
  readonly selector: ParsedSelector;
  readonly callerSignature?: ParsedSignatureWrapper;
}

export interface GetRequestResponseEnvelope extends EnvelopeBase {
  readonly operation: 'GetRequestResponse';
  /** Absent when the queue is empty. */
  readonly message?: {
    readonly request: ParsedRequest;
    readonly attachmentContents: readonly AttachmentContent[];
    readonly smevSignature?: ParsedSignatureWrapper;
  };
}

export interface GetResponseResponseEnvelope extends EnvelopeBase {
  readonly operation: 'GetResponseResponse';
  /** Absent when the queue is empty. */
  readonly message?: {
    readonly response: ParsedResponse;
    readonly attachmentContents: readonly AttachmentContent[];
    readonly smevSignature?: ParsedSignatureWrapper;
  };
}

export interface AckRequestEnvelope extends EnvelopeBase {
  readonly operation: 'AckRequest';
  readonly target: Signed & { readonly messageId: string; readonly accepted: boolean };
  readonly callerSignature?: ParsedSignatureWrapper;
}

export interface AckResponseEnvelope extends EnvelopeBase {
  readonly operation: 'AckResponse';
}

export interface GetStatusRequestEnvelope extends EnvelopeBase {
  readonly operation: 'GetStatusRequest';
  readonly timestamp: Signed & { readonly value: string };
  readonly callerSignature?: ParsedSignatureWrapper;
}

export interface GetStatusResponseEnvelope extends EnvelopeBase {
  readonly operation: 'GetStatusResponse';
  readonly message?: {
    readonly statusData: Signed & { readonly status: AsyncProcessingStatus };
    readonly smevSignature?: ParsedSignatureWrapper;
  };
}

export interface ParsedSmevFault {
  /** Local name of the detail element, e.g. "MessageIsAlreadySent". */
  readonly name: string;
  /** Catalogue entry when the name is known. */
  readonly spec?: SmevFaultSpec;
  readonly code?: string;
  readonly description?: string;
  /** "SMEV-403" taken from the description. */
  readonly smevCode?: string;
  readonly details: SmevFaultDetails;
  readonly element: Element;
}

export interface FaultEnvelope {
  readonly operation: 'Fault';
  /** From the detail element's namespace; absent for a plain SOAP fault without SMEV detail. */
  readonly version?: SmevVersion;
  readonly document: Document;
  readonly operationElement: Element;
  /** Raw faultcode text, e.g. "soap:Server". */
  readonly faultcode: string;
  /** faultcode without its prefix: "Server", "Client", … */
  readonly faultcodeLocal: string;
  readonly faultstring: string;
  readonly fault?: ParsedSmevFault;
}

export type SmevEnvelope =
  | SendRequestRequestEnvelope
  | SendAnswerEnvelope<'SendRequestResponse'>
  | SendResponseRequestEnvelope
  | SendAnswerEnvelope<'SendResponseResponse'>
  | PollRequestEnvelope<'GetRequestRequest'>
  | PollRequestEnvelope<'GetResponseRequest'>
  | GetRequestResponseEnvelope
  | GetResponseResponseEnvelope
  | AckRequestEnvelope
  | AckResponseEnvelope
  | GetStatusRequestEnvelope
  | GetStatusResponseEnvelope
  | FaultEnvelope;

export type SmevOperation = SmevEnvelope['operation'];
