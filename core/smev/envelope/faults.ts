/**
 * The SMEV fault catalogue (reference §1.8, §1.12): every fault detail element of the faults namespace, with what a
 * client should do about it as data, so callers branch on `action`/`retryable` instead of parsing text.
 */
import type { SmevVersion } from './namespaces.ts';

export const SIGNATURE_FAULT_CODES = Object.freeze([
  'PoorSOAPEnvelopeFormat',
  'NoSignatureFound',
  'IncorrectSignatureTarget',
  'SignatureIsInvalid',
  'CertificateIsNotFound',
  'CertificateIsExpired',
] as const);
export type SignatureFaultCode = (typeof SIGNATURE_FAULT_CODES)[number];

export function isSignatureFaultCode(value: string): value is SignatureFaultCode {
  return (SIGNATURE_FAULT_CODES as readonly string[]).includes(value);
}

/**
 * What the client does next:
 * - `retry`: send the same message again later (infrastructure trouble, full queue, quota);
 * - `new-message-id`: build the message again with a fresh MessageID (and maybe a later EOL), then send;
 * - `fix`: the message or configuration is wrong; resending unchanged will fail again;
 * - `stop`: give up on this message (refused by policy, or nothing to act on);
 * - `success`: the exchange already holds the message; treat the send as done.
 */
export type FaultAction = 'retry' | 'new-message-id' | 'fix' | 'stop' | 'success';

export type SmevOperationName = 'SendRequest' | 'SendResponse' | 'GetRequest' | 'GetResponse' | 'GetStatus' | 'Ack';

/** Structured children some faults carry after Code/Description, in schema order. */
export type FaultDetailField =
  | 'signatureFaultCode'
  | 'validationErrors'
  | 'rootElementLocalName'
  | 'rootElementNamespaceUri'
  | 'permittedTotalAttachmentSize'
  | 'remainedTotalQuoteSize'
  | 'realTotalAttachmentSize'
  | 'messageBrokerAddress'
  | 'destinationName';

export interface SmevFaultSpec {
  readonly name: string;
  /** The SMEV-nnn code seen in public material for this fault; undefined where none was observed. */
  readonly typicalCode: string | undefined;
  /** SOAP 1.1 faultcode by meaning: Client for a bad message, Server for exchange trouble. */
  readonly soapFaultCode: 'Client' | 'Server';
  readonly action: FaultAction;
  readonly retryable: boolean;
  /** Only MessageIsAlreadySent: the first send succeeded even if its answer was lost. */
  readonly treatAsSuccess: boolean;
  readonly versions: readonly SmevVersion[];
  readonly operations: readonly SmevOperationName[];
  readonly detailFields: readonly FaultDetailField[];
  readonly meaning: string;
}

const ALL: readonly SmevVersion[] = ['1.1', '1.2', '1.3'];
const SEND: readonly SmevOperationName[] = ['SendRequest', 'SendResponse'];
const EVERY: readonly SmevOperationName[] = ['SendRequest', 'SendResponse', 'GetRequest', 'GetResponse', 'GetStatus', 'Ack'];
const POLL: readonly SmevOperationName[] = ['GetRequest', 'GetResponse', 'GetStatus'];

function spec(name: string, rest: Omit<SmevFaultSpec, 'name' | 'retryable' | 'treatAsSuccess'>): SmevFaultSpec {
  return Object.freeze({
    name,
    ...rest,
    retryable: rest.action === 'retry' || rest.action === 'new-message-id',
    treatAsSuccess: rest.action === 'success',
  });
}

const none = { detailFields: [] as FaultDetailField[] };

export const SMEV_FAULTS = Object.freeze({
  SignatureVerificationFault: spec('SignatureVerificationFault', {
    typicalCode: 'SMEV-100', soapFaultCode: 'Client', action: 'fix', versions: ALL, operations: EVERY,
    detailFields: ['signatureFaultCode'], meaning: 'ЭП-ОВ missing, invalid, wrong target, or certificate unknown/expired',
  }),
  InvalidContent: spec('InvalidContent', {
    typicalCode: 'SMEV-403', soapFaultCode: 'Client', action: 'fix', versions: ALL, operations: EVERY,
    detailFields: ['validationErrors'], meaning: 'payload or envelope fails its XML schema',
  }),
  BusinessDataTypeIsNotSupported: spec('BusinessDataTypeIsNotSupported', {
    typicalCode: undefined, soapFaultCode: 'Client', action: 'fix', versions: ALL, operations: SEND,
    detailFields: ['rootElementLocalName', 'rootElementNamespaceUri'], meaning: 'payload root element is not a registered message type',
  }),
  UnknownMessageType: spec('UnknownMessageType', {
    typicalCode: undefined, soapFaultCode: 'Client', action: 'fix', versions: ALL, operations: POLL,
    ...none, meaning: 'the selector names a type that is not registered or not the caller’s',
  }),
  MessageIsAlreadySent: spec('MessageIsAlreadySent', {
    typicalCode: undefined, soapFaultCode: 'Client', action: 'success', versions: ALL, operations: SEND,
    ...none, meaning: 'duplicate MessageID; the first send got through, so stop retrying',
  }),
  InvalidMessageIdFormat: spec('InvalidMessageIdFormat', {
    typicalCode: undefined, soapFaultCode: 'Client', action: 'new-message-id', versions: ALL, operations: SEND,
    ...none, meaning: 'MessageID is not a version-1 UUID',
  }),
  StaleMessageId: spec('StaleMessageId', {
    typicalCode: undefined, soapFaultCode: 'Client', action: 'new-message-id', versions: ALL, operations: SEND,
    ...none, meaning: 'MessageID timestamp is two days old or more, or the sender clock is wrong',
  }),
  AttachmentContentMiscoordination: spec('AttachmentContentMiscoordination', {
    typicalCode: undefined, soapFaultCode: 'Client', action: 'fix', versions: ALL, operations: SEND,
    ...none, meaning: 'attachment headers and attachment contents do not match',
  }),
  AttachmentSizeLimitExceeded: spec('AttachmentSizeLimitExceeded', {
    typicalCode: undefined, soapFaultCode: 'Client', action: 'fix', versions: ALL, operations: SEND,
    detailFields: ['permittedTotalAttachmentSize', 'realTotalAttachmentSize'], meaning: 'attachments too large; shrink or move to the file store',
  }),
  QuoteLimitExceeded: spec('QuoteLimitExceeded', {
    typicalCode: undefined, soapFaultCode: 'Client', action: 'retry', versions: ALL, operations: SEND,
    detailFields: ['remainedTotalQuoteSize', 'realTotalAttachmentSize'], meaning: 'attachment quota exhausted; resend once quota is freed',
  }),
  AccessDenied: spec('AccessDenied', {
    typicalCode: undefined, soapFaultCode: 'Client', action: 'stop', versions: ALL, operations: ['SendRequest'],
    ...none, meaning: 'sender may not send this type to this recipient',
  }),
  PersonalAccessDenied: spec('PersonalAccessDenied', {
    typicalCode: undefined, soapFaultCode: 'Client', action: 'stop', versions: ['1.3'], operations: ['SendRequest'],
    ...none, meaning: 'the official (ЭП-СП) may not request this data',
  }),
  SenderIsNotRegistered: spec('SenderIsNotRegistered', {
    typicalCode: undefined, soapFaultCode: 'Client', action: 'fix', versions: ALL, operations: EVERY,
    ...none, meaning: 'the signing certificate does not map to a registered participant',
  }),
  RecipientIsNotFound: spec('RecipientIsNotFound', {
    typicalCode: undefined, soapFaultCode: 'Client', action: 'fix', versions: ALL, operations: SEND,
    ...none, meaning: 'no recipient for this type, or `To` is wrong',
  }),
  IncorrectResponseContentType: spec('IncorrectResponseContentType', {
    typicalCode: undefined, soapFaultCode: 'Client', action: 'fix', versions: ALL, operations: ['SendResponse'],
    ...none, meaning: 'the response payload is not a response type of this request',
  }),
  RequestIsNotFound: spec('RequestIsNotFound', {
    typicalCode: undefined, soapFaultCode: 'Client', action: 'stop', versions: ALL, operations: [],
    ...none, meaning: 'cancel of an unknown request (1.1 cancel)',
  }),
  TargetMessageIsNotFound: spec('TargetMessageIsNotFound', {
    typicalCode: 'SMEV-501', soapFaultCode: 'Client', action: 'stop', versions: ALL, operations: ['Ack'],
    ...none, meaning: 'nothing un-acknowledged carries that MessageID',
  }),
  DestinationOverflow: spec('DestinationOverflow', {
    typicalCode: undefined, soapFaultCode: 'Server', action: 'retry', versions: ALL, operations: SEND,
    detailFields: ['messageBrokerAddress', 'destinationName'], meaning: 'recipient queue full; keep retrying',
  }),
  SMEVFailure: spec('SMEVFailure', {
    typicalCode: undefined, soapFaultCode: 'Server', action: 'retry', versions: ALL, operations: EVERY,
    ...none, meaning: 'exchange infrastructure failure; retry without limit',
  }),
  TransactionCodeInvalid: spec('TransactionCodeInvalid', {
    typicalCode: undefined, soapFaultCode: 'Client', action: 'fix', versions: ['1.2', '1.3'], operations: ['SendRequest'],
    ...none, meaning: 'TransactionCode is not valid',
  }),
  EndOfLifeReached: spec('EndOfLifeReached', {
    typicalCode: undefined, soapFaultCode: 'Client', action: 'new-message-id', versions: ['1.2', '1.3'], operations: ['SendRequest'],
    ...none, meaning: 'EOL passed before delivery; resend, perhaps with a later EOL',
  }),
} satisfies Record<string, SmevFaultSpec>);

export type SmevFaultName = keyof typeof SMEV_FAULTS;

export const SMEV_FAULT_NAMES = Object.freeze(Object.keys(SMEV_FAULTS) as SmevFaultName[]);

export function isSmevFaultName(value: string): value is SmevFaultName {
  return Object.prototype.hasOwnProperty.call(SMEV_FAULTS, value);
}

export function smevFaultSpec(name: string): SmevFaultSpec | undefined {
  return isSmevFaultName(name) ? SMEV_FAULTS[name] : undefined;
}

export interface ValidationError {
  /** errorPosition attribute; SMEV writes -1 when it has no position. */
  readonly position?: number;
  readonly message: string;
}

/** The optional structured children of a fault detail; which ones apply depends on the fault (`detailFields`). */
export interface SmevFaultDetails {
  readonly signatureFaultCode?: SignatureFaultCode;
  readonly validationErrors?: readonly ValidationError[];
  readonly rootElementLocalName?: string;
  readonly rootElementNamespaceUri?: string;
  readonly permittedTotalAttachmentSize?: number;
  readonly remainedTotalQuoteSize?: number;
  readonly realTotalAttachmentSize?: number;
  readonly messageBrokerAddress?: string;
  readonly destinationName?: string;
}

/** XML element names of the detail fields (faults namespace). */
export const FAULT_DETAIL_ELEMENTS: Readonly<Record<FaultDetailField, string>> = Object.freeze({
  signatureFaultCode: 'SignatureVerificationFault',
  validationErrors: 'ValidationError',
  rootElementLocalName: 'RootElementLocalName',
  rootElementNamespaceUri: 'RootElementNamespaceURI',
  permittedTotalAttachmentSize: 'PermittedTotalAttachmentSize',
  remainedTotalQuoteSize: 'RemainedTotalQuoteSize',
  realTotalAttachmentSize: 'RealTotalAttachmentSize',
  messageBrokerAddress: 'MessageBrokerAddress',
  destinationName: 'DestinationName',
});

/** "SMEV-403:Бизнес-данные…" → "SMEV-403". */
export function smevCodeOf(description: string | undefined): string | undefined {
  return description ? /^\s*(SMEV-\d+)/.exec(description)?.[1] : undefined;
}
