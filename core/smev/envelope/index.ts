/** Public API of the SMEV 3 envelope module: namespaces, MessageIDs, enumerations, faults, builders, parser. */
export * from './namespaces.ts';
export { generateMessageId, isMessageIdV1, assertMessageId, messageIdTimestamp, messageIdProblem } from './message-id.ts';
export * from './statuses.ts';
export * from './faults.ts';
export * from './model.ts';
export type * from './parsed-model.ts';
export { buildSendRequestRequest, buildSendRequestResponse, buildSendResponseRequest, buildSendResponseResponse } from './build-send.ts';
export type { SendRequestRequestInput, SendResponseRequestInput, SendAnswerInput } from './build-send.ts';
export { buildGetRequestRequest, buildGetResponseRequest, buildGetRequestResponse, buildGetResponseResponse } from './build-poll.ts';
export type { PollRequestInput, GetRequestResponseInput, GetResponseResponseInput, RequestMessageInput, ResponseMessageInput } from './build-poll.ts';
export { buildAckRequest, buildAckResponse, buildGetStatusRequest, buildGetStatusResponse } from './build-ack-status.ts';
export type { AckRequestInput, GetStatusRequestInput, GetStatusResponseInput } from './build-ack-status.ts';
export { buildSmevFault, DEFAULT_FAULT_CODE, type SmevFaultInput } from './build-fault.ts';
export { escapeText, escapeAttribute } from './xml-writer.ts';
export { parseSmevEnvelope, type ParseEnvelopeOptions } from './parse-envelope.ts';
export { extractSoapPart, splitMultipart, parseContentType, type MimePart, type SoapPart } from './multipart.ts';
