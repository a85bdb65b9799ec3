import { describe, expect, it } from 'vitest';
import { isKitError } from '../../core/errors/index.ts';
import { buildAckRequest, buildSendRequestRequest, buildSendResponseRequest, generateMessageId, parseSmevEnvelope } from '../../core/smev/envelope/index.ts';
import { PAYLOAD, ns, thrown } from './_fixtures.ts';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const N = ns('1.2');
const wrap = (body: string): string => `<soap:Envelope xmlns:soap="${SOAP}"><soap:Body>${body}</soap:Body></soap:Envelope>`;

function expectError(fn: () => unknown, code: string, message: RegExp): void {
  const e = thrown(fn);
  expect(isKitError(e)).toBe(true);
  expect((e as { code: string }).code).toBe(code);
  expect((e as Error).message).toMatch(message);
}

describe('malformed or unknown envelopes give typed errors', () => {
  it('refuses a document that is not a SOAP 1.1 envelope', () => {
    expectError(() => parseSmevEnvelope('<a/>'), 'ERR_ENVELOPE_NOT_SOAP', /\{\}a, not a SOAP 1.1 Envelope/);
    expectError(() => parseSmevEnvelope('<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"/>'), 'ERR_ENVELOPE_NOT_SOAP', /SOAP 1.2/);
    expectError(() => parseSmevEnvelope(`<e:Envelope xmlns:e="${SOAP}"><e:Header/></e:Envelope>`), 'ERR_ENVELOPE_NOT_SOAP', /no Body/);
  });

  it('passes on XML-level errors as ERR_XML_*', () => {
    expectError(() => parseSmevEnvelope('<soap:Envelope'), 'ERR_XML_MALFORMED', /not well-formed/);
    expectError(() => parseSmevEnvelope('<!DOCTYPE x [<!ENTITY a "b">]><x/>'), 'ERR_XML_DOCTYPE_FORBIDDEN', /DOCTYPE/);
  });

  it('names an unknown operation by {namespace}local', () => {
    expectError(() => parseSmevEnvelope(wrap('<x:Hello xmlns:x="urn:hello"/>')), 'ERR_ENVELOPE_UNKNOWN_OPERATION', /\{urn:hello\}Hello/);
    expectError(() => parseSmevEnvelope(wrap(`<t:Launch xmlns:t="${N.types}"/>`)), 'ERR_ENVELOPE_UNKNOWN_OPERATION', new RegExp(`\\{${N.types.replace(/[.]/g, '\\.')}\\}Launch`));
  });

  it('says a future schema version is unsupported', () => {
    expectError(
      () => parseSmevEnvelope(wrap('<t:SendRequestRequest xmlns:t="urn://x-artefacts-smev-gov-ru/services/message-exchange/types/1.4"/>')),
      'ERR_ENVELOPE_UNSUPPORTED_VERSION',
      /version 1.4/,
    );
  });

  it('names the path of a missing required child', () => {
    expectError(() => parseSmevEnvelope(wrap(`<t:SendRequestRequest xmlns:t="${N.types}"/>`)), 'ERR_ENVELOPE_INVALID', /SendRequestRequest has no SenderProvidedRequestData/);
    expectError(
      () => parseSmevEnvelope(wrap(`<t:SendRequestRequest xmlns:t="${N.types}"><t:SenderProvidedRequestData><t:MessageID>${generateMessageId()}</t:MessageID></t:SenderProvidedRequestData></t:SendRequestRequest>`)),
      'ERR_ENVELOPE_INVALID',
      /SendRequestRequest\/SenderProvidedRequestData has no MessagePrimaryContent/,
    );
  });

  it('refuses a bad MessageID with ERR_MESSAGE_ID_INVALID naming the path', () => {
    const xml = buildAckRequest({ version: '1.2', messageId: generateMessageId(), accepted: true }).replace(/>[0-9a-f-]{36}</, '>3f2b8c1e-9a4d-4c2b-8e1f-0a1b2c3d4e5f<');
    expectError(() => parseSmevEnvelope(xml), 'ERR_MESSAGE_ID_INVALID', /AckRequest\/AckTargetMessage: .*version 4/);
  });

  it('refuses a response body with two choices', () => {
    const xml = buildSendResponseRequest({ version: '1.2', responseData: { messageId: generateMessageId(), to: 'x', body: { kind: 'status', status: { code: 1, description: 'd' } } } }).replace(
      '<t:RequestStatus>',
      '<t:RequestRejected><t:RejectionReasonCode>NO_DATA</t:RejectionReasonCode></t:RequestRejected><t:RequestStatus>',
    );
    expectError(() => parseSmevEnvelope(xml), 'ERR_ENVELOPE_INVALID', /more than one of RequestRejected, RequestStatus/);
  });

  it('refuses a payload that is two elements or unqualified', () => {
    const base = buildSendRequestRequest({ version: '1.2', requestData: { messageId: generateMessageId(), content: PAYLOAD } });
    const two = base.replace('</b:MessagePrimaryContent>', '<x:Y xmlns:x="urn:y"/></b:MessagePrimaryContent>');
    expectError(() => parseSmevEnvelope(two), 'ERR_ENVELOPE_INVALID', /MessagePrimaryContent must hold exactly one element, found 2/);
  });
});

describe('builders refuse bad input with typed errors', () => {
  it('refuses a payload that does not parse or has no namespace', () => {
    expectError(() => buildSendRequestRequest({ version: '1.2', requestData: { messageId: generateMessageId(), content: '<a><b></a>' } }), 'ERR_ENVELOPE_INVALID', /MessagePrimaryContent is not a well-formed/);
    expectError(() => buildSendRequestRequest({ version: '1.2', requestData: { messageId: generateMessageId(), content: '<a/>' } }), 'ERR_ENVELOPE_INVALID', /must be a namespaced element/);
    expectError(() => buildSendRequestRequest({ version: '1.2', requestData: { messageId: generateMessageId(), content: '<a:x xmlns:a="u"/><b/>' } }), 'ERR_ENVELOPE_INVALID', /not a well-formed/);
  });

  it('refuses a v4 MessageID and a signature that is not ds:Signature', () => {
    expectError(() => buildSendRequestRequest({ version: '1.2', requestData: { messageId: '3f2b8c1e-9a4d-4c2b-8e1f-0a1b2c3d4e5f', content: PAYLOAD } }), 'ERR_MESSAGE_ID_INVALID', /version 4/);
    expectError(
      () => buildSendRequestRequest({ version: '1.2', requestData: { messageId: generateMessageId(), content: PAYLOAD }, callerSignature: '<Signature/>' }),
      'ERR_ENVELOPE_INVALID',
      /CallerInformationSystemSignature must be in namespace http:\/\/www.w3.org\/2000\/09\/xmldsig#/,
    );
  });

  it('escapes text and attributes, and refuses characters XML cannot carry', () => {
    const xml = buildSendRequestRequest({ version: '1.2', requestData: { id: 'a"b<c>&', messageId: generateMessageId(), transactionCode: '</t:TransactionCode>&', content: PAYLOAD } });
    const env = parseSmevEnvelope(xml);
    expect(env.operation === 'SendRequestRequest' && [env.requestData.id, env.requestData.transactionCode]).toEqual(['a"b<c>&', '</t:TransactionCode>&']);
    expectError(() => buildSendRequestRequest({ version: '1.2', requestData: { messageId: generateMessageId(), nodeId: 'a\u0001', content: PAYLOAD } }), 'ERR_ENVELOPE_INVALID', /cannot represent/);
  });

  it('refuses a selector with only half of the type filter and NodeID before 1.3', async () => {
    const { buildGetResponseRequest } = await import('../../core/smev/envelope/index.ts');
    expectError(() => buildGetResponseRequest({ version: '1.2', selector: { timestamp: 't', namespaceUri: 'u' } }), 'ERR_ENVELOPE_INVALID', /both NamespaceURI and RootElementLocalName/);
    expectError(() => buildGetResponseRequest({ version: '1.2', selector: { timestamp: 't', nodeId: 'n' } }), 'ERR_ENVELOPE_INVALID', /only in 1.3/);
  });
});
