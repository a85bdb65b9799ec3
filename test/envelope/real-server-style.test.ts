import { describe, expect, it } from 'vitest';
import { parseSmevEnvelope, type SmevEnvelope, type SmevOperation } from '../../core/smev/envelope/index.ts';
import { ns } from './_fixtures.ts';

const N = ns('1.2');
const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';

function as<Op extends SmevOperation>(env: SmevEnvelope, op: Op): Extract<SmevEnvelope, { operation: Op }> {
  expect(env.operation).toBe(op);
  return env as Extract<SmevEnvelope, { operation: Op }>;
}

const serverAttrs = `xmlns="${N.basic}" xmlns:ns2="${N.types}" xmlns:ns3="${N.faults}"`;

describe('envelopes written the way the real exchange writes them', () => {
  it('reads an empty GetResponseResponse with a default basic namespace and ns2 types', () => {
    const xml = `<soap:Envelope xmlns:soap="${SOAP}"><soap:Body><ns2:GetResponseResponse ${serverAttrs}/></soap:Body></soap:Envelope>`;
    const env = as(parseSmevEnvelope(xml), 'GetResponseResponse');
    expect(env.version).toBe('1.2');
    expect(env.message).toBeUndefined();
  });

  it('reads an empty GetRequestResponse without any soap:Header', () => {
    const xml = `<S:Envelope xmlns:S="${SOAP}"><S:Body><ns2:GetRequestResponse ${serverAttrs}></ns2:GetRequestResponse></S:Body></S:Envelope>`;
    expect(as(parseSmevEnvelope(xml), 'GetRequestResponse').message).toBeUndefined();
  });

  it('reads a SendRequestResponse with unprefixed basic elements and pretty-printing', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="${SOAP}">
  <soap:Body>
    <ns2:SendRequestResponse ${serverAttrs}>
      <ns2:MessageMetadata Id="SIGNED_BY_SMEV">
        <ns2:MessageId>c0057860-ea60-11f1-9076-b3aab8baa93f</ns2:MessageId>
        <ns2:MessageType>REQUEST</ns2:MessageType>
        <ns2:Sender><ns2:Mnemonic>500502_3T</ns2:Mnemonic></ns2:Sender>
        <ns2:SendingTimestamp>2024-05-20T07:52:37.000+03:00</ns2:SendingTimestamp>
        <ns2:Recipient><ns2:Mnemonic>emu</ns2:Mnemonic></ns2:Recipient>
        <ns2:Status>requestIsQueued</ns2:Status>
        <ns2:SomethingNewTheServerAdded>x</ns2:SomethingNewTheServerAdded>
      </ns2:MessageMetadata>
      <ns2:SMEVSignature><Signature xmlns="http://www.w3.org/2000/09/xmldsig#" Id="sig"><SignedInfo/></Signature></ns2:SMEVSignature>
    </ns2:SendRequestResponse>
  </soap:Body>
</soap:Envelope>`;
    const env = as(parseSmevEnvelope(xml), 'SendRequestResponse');
    expect(env.metadata).toMatchObject({ id: 'SIGNED_BY_SMEV', messageType: 'REQUEST', status: 'requestIsQueued', sender: { mnemonic: '500502_3T' }, recipient: { mnemonic: 'emu' } });
    expect(env.smevSignature?.signature?.getAttribute('Id')).toBe('sig');
  });

  it('reads an async rejection whose SmevFault is xsi:type InvalidContent with validation errors', () => {
    const ours = 'c0057860-ea60-11f1-9076-b3aab8baa93f';
    const xml = `<soap:Envelope xmlns:soap="${SOAP}"><soap:Body>
<ns2:GetResponseResponse ${serverAttrs}><ns2:ResponseMessage><ns2:Response Id="SIGNED_BY_SMEV">
 <ns2:OriginalMessageId>${ours}</ns2:OriginalMessageId>
 <ns2:SenderProvidedResponseData Id="SIGNED_ASYNC_BY_SMEV">
  <ns2:MessageID>d1157860-ea60-11f1-9076-b3aab8baa93f</ns2:MessageID><ns2:To>eyJ9</ns2:To>
  <ns2:AsyncProcessingStatus>
   <ns2:OriginalMessageId>${ours}</ns2:OriginalMessageId>
   <ns2:StatusCategory>requestIsRejectedBySmev</ns2:StatusCategory>
   <ns2:StatusDetails>Бизнес-данные не соответствуют схеме. MessageId = ${ours}</ns2:StatusDetails>
   <ns2:SmevFault xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="ns3:InvalidContent">
    <Code>tsmev3:PRODUCTION_AREA:TSMEV3_CORE1 : TR:ASYNC:PP:BSV:3</Code>
    <Description>SMEV-403:Бизнес-данные сообщения не соответствуют схеме</Description>
    <ns3:ValidationError errorPosition="-1">cvc-complex-type.2.4.a: Invalid content</ns3:ValidationError>
   </ns2:SmevFault>
  </ns2:AsyncProcessingStatus>
 </ns2:SenderProvidedResponseData>
 <ns2:MessageMetadata><ns2:MessageId>d1157860-ea60-11f1-9076-b3aab8baa93f</ns2:MessageId><ns2:MessageType>RESPONSE</ns2:MessageType>
  <ns2:Sender><ns2:Mnemonic>smev</ns2:Mnemonic></ns2:Sender><ns2:SendingTimestamp>2021-01-01T00:00:00Z</ns2:SendingTimestamp></ns2:MessageMetadata>
</ns2:Response></ns2:ResponseMessage></ns2:GetResponseResponse></soap:Body></soap:Envelope>`;
    const env = as(parseSmevEnvelope(xml), 'GetResponseResponse');
    const response = env.message!.response;
    expect(response.originalMessageId).toBe(ours);
    expect(response.responseData.id).toBe('SIGNED_ASYNC_BY_SMEV');
    expect(response.metadata.sender?.mnemonic).toBe('smev');
    expect(response.responseData.body).toEqual({
      kind: 'async',
      asyncStatus: {
        originalMessageId: ours,
        statusCategory: 'requestIsRejectedBySmev',
        statusDetails: `Бизнес-данные не соответствуют схеме. MessageId = ${ours}`,
        smevFault: {
          type: 'InvalidContent',
          code: 'tsmev3:PRODUCTION_AREA:TSMEV3_CORE1 : TR:ASYNC:PP:BSV:3',
          description: 'SMEV-403:Бизнес-данные сообщения не соответствуют схеме',
          validationErrors: [{ position: -1, message: 'cvc-complex-type.2.4.a: Invalid content' }],
        },
      },
    });
  });

  it('reads a provider request with odd prefixes, a default-namespace payload and CDATA', () => {
    const xml = `<e:Envelope xmlns:e="${SOAP}"><e:Header/><e:Body>
<zz:GetRequestResponse xmlns:zz="${N.types}" xmlns:yy="${N.basic}"><zz:RequestMessage><zz:Request Id="R">
 <zz:SenderProvidedRequestData Id="S"><zz:MessageID>c0057860-ea60-11f1-9076-b3aab8baa93f</zz:MessageID>
  <yy:MessagePrimaryContent><Req xmlns="urn:payload"><Name><![CDATA[a<b]]></Name></Req></yy:MessagePrimaryContent>
 </zz:SenderProvidedRequestData>
 <zz:MessageMetadata><zz:MessageType>REQUEST</zz:MessageType><zz:SendingTimestamp>t</zz:SendingTimestamp></zz:MessageMetadata>
 <zz:ReplyTo>opaque</zz:ReplyTo>
</zz:Request></zz:RequestMessage></zz:GetRequestResponse></e:Body></e:Envelope>`;
    const r = as(parseSmevEnvelope(xml), 'GetRequestResponse').message!.request;
    expect(r.id).toBe('R');
    expect(r.requestData.id).toBe('S');
    expect(r.requestData.content).toMatchObject({ namespaceUri: 'urn:payload', localName: 'Req' });
    expect(r.requestData.content.xml).toContain('xmlns="urn:payload"');
    expect(r.replyTo).toBe('opaque');
  });

  it('does not treat an element with the right local name in a foreign namespace as ours', () => {
    const xml = `<soap:Envelope xmlns:soap="${SOAP}"><soap:Body><ns2:SendRequestResponse ${serverAttrs}>
<x:MessageMetadata xmlns:x="urn:other"><x:MessageType>REQUEST</x:MessageType></x:MessageMetadata></ns2:SendRequestResponse></soap:Body></soap:Envelope>`;
    expect(() => parseSmevEnvelope(xml)).toThrow(/SendRequestResponse has no MessageMetadata/);
  });

  it('reads an empty Body as AckResponse only when asked to', () => {
    const xml = `<soap:Envelope xmlns:soap="${SOAP}"><soap:Header/><soap:Body/></soap:Envelope>`;
    expect(() => parseSmevEnvelope(xml)).toThrow(/Body is empty/);
    expect(parseSmevEnvelope(xml, { emptyBodyAs: { operation: 'AckResponse', version: '1.2' } }).operation).toBe('AckResponse');
  });

  it('accepts bytes with a BOM as input and a ready Document', () => {
    const xml = `\uFEFF<soap:Envelope xmlns:soap="${SOAP}"><soap:Body><ns2:AckResponse ${serverAttrs}/></soap:Body></soap:Envelope>`;
    const env = parseSmevEnvelope(new TextEncoder().encode(xml));
    expect(env.operation).toBe('AckResponse');
    expect(parseSmevEnvelope(env.document).operation).toBe('AckResponse');
  });
});
