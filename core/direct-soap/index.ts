/**
 * @module core/direct-soap
 * The wire format of the direct synchronous mode, shared by the simulator runtime (server) and the direct SOAP
 * client (adapters/transport): SOAP 1.1 document/literal, the contract payload in soap:Body with attribute Id,
 * the detached SMEV signature in soap:Header (kit:AgencySignature / kit:CallerSignature), and the non-business
 * answers as SOAP faults with kit-namespace details. kit-direct.xsd describes the kit namespace.
 */
export * from './wire-names.ts';
export { buildDirectAnswer, buildDirectRequest, buildSignedDirectAnswer, buildSignedDirectRequest, directEnvelope, soapActionHeader, type DirectMessage, type DirectMessageInput } from './build-envelope.ts';
export {
  buildInvalidContentFault,
  buildRequestRejectedFault,
  buildRequestStatusFault,
  type ContentProblem,
  type InvalidContentInput,
  type RequestRejectedInput,
  type RequestStatusInput,
} from './build-faults.ts';
export { hasDirectSignature, signDirectDocument, signDirectEnvelope, verifyDirectEnvelope, type DirectSigning, type SignDirectOptions, type VerifyDirectOptions } from './sign-envelope.ts';
export { parseDirectRequest, type DirectRequest } from './parse-request.ts';
export { parseDirectAnswer, type DirectAnswer, type DirectFault } from './parse-answer.ts';
export { readDirectEnvelope, type DirectEnvelopeParts } from './read-envelope.ts';
export { KIT_DIRECT_XSD_PATH } from './kit-xsd-path.ts';
