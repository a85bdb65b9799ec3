import { describe, expect, it } from 'vitest';
import {
  buildAckRequest,
  buildAckResponse,
  buildGetRequestRequest,
  buildGetRequestResponse,
  buildGetResponseRequest,
  buildGetResponseResponse,
  buildGetStatusRequest,
  buildGetStatusResponse,
  buildSendRequestRequest,
  buildSendRequestResponse,
  buildSendResponseRequest,
  buildSendResponseResponse,
  parseSmevEnvelope,
  type MessageMetadata,
  type SmevEnvelope,
  type SmevOperation,
} from '../../core/smev/envelope/index.ts';
import { PAYLOAD, SIGNATURE, VERSIONS, id } from './_fixtures.ts';

function as<Op extends SmevOperation>(env: SmevEnvelope, op: Op): Extract<SmevEnvelope, { operation: Op }> {
  expect(env.operation).toBe(op);
  return env as Extract<SmevEnvelope, { operation: Op }>;
}

const metadata = (messageId: string): MessageMetadata => ({
  messageId,
  messageType: 'REQUEST',
  sender: { mnemonic: 'GGER03_3T', humanReadableName: 'Социальная защита' },
  sendingTimestamp: '2024-05-20T07:52:37.000+03:00',
  recipient: { mnemonic: 'PFR001' },
  status: 'requestIsQueued',
});

describe.each(VERSIONS)('round trip build → parse, schema %s', (version) => {
  it('SendRequestRequest keeps every optional field, the payload and the signature wrappers', () => {
    const messageId = id();
    const xml = buildSendRequestRequest({
      version,
      requestData: {
        messageId,
        referenceMessageId: messageId,
        transactionCode: 'tx-<1>',
        nodeId: 'node-1',
        eol: new Date('2030-01-01T00:00:00Z'),
        content: PAYLOAD,
        personalSignature: SIGNATURE,
        attachmentHeaders: [{ contentId: 'att1', mimeType: 'application/pdf', signaturePkcs7: 'MIIB' }],
        refAttachmentHeaders: [{ uuid: id(), hash: 'aGFzaA==', mimeType: 'image/png' }],
        businessProcessMetadata: ['<bpm:CaseInfo xmlns:bpm="urn://x-artefacts-smev-gov-ru/services/message-exchange/business-process-metadata/1.0"><bpm:CaseNumber>1</bpm:CaseNumber></bpm:CaseInfo>'],
        testMessage: true,
      },
      attachmentContents: [{ id: 'att1', content: 'JVBERi0=' }],
      callerSignature: SIGNATURE,
    });
    const env = as(parseSmevEnvelope(xml), 'SendRequestRequest');
    expect(env.version).toBe(version);
    const data = env.requestData;
    expect(data).toMatchObject({
      id: 'SIGNED_BY_CONSUMER',
      messageId,
      referenceMessageId: messageId,
      transactionCode: 'tx-<1>',
      nodeId: 'node-1',
      eol: '2030-01-01T00:00:00.000Z',
      testMessage: true,
      attachmentHeaders: [{ contentId: 'att1', mimeType: 'application/pdf', signaturePkcs7: 'MIIB' }],
    });
    expect(data.element.localName).toBe('SenderProvidedRequestData');
    expect(data.content.namespaceUri).toBe('http://kvs.pfr.com/snils-by-data/1.1.2');
    expect(data.content.localName).toBe('SnilsByDataRequest');
    expect(data.content.xml).toContain('Иванов &amp; "сын" &lt;&gt;');
    expect(data.personalSignature?.signature?.localName).toBe('Signature');
    expect(data.businessProcessMetadata[0]?.localName).toBe('CaseInfo');
    expect(env.attachmentContents).toEqual([{ id: 'att1', content: 'JVBERi0=' }]);
    expect(env.callerSignature?.element.localName).toBe('CallerInformationSystemSignature');
    expect(env.callerSignature?.signature).toBeDefined();
  });

  it('SendRequestRequest leaves absent signature wrappers out', () => {
    const xml = buildSendRequestRequest({ version, requestData: { messageId: id(), content: PAYLOAD } });
    expect(xml).not.toContain('Signature');
    expect(xml).toContain('<soap:Header/>');
    const env = as(parseSmevEnvelope(xml), 'SendRequestRequest');
    expect(env.callerSignature).toBeUndefined();
    expect(env.requestData.testMessage).toBe(false);
  });

  it('SendRequestResponse carries SMEV metadata signed as SIGNED_BY_SMEV', () => {
    const messageId = id();
    const env = as(parseSmevEnvelope(buildSendRequestResponse({ version, metadata: metadata(messageId), smevSignature: SIGNATURE })), 'SendRequestResponse');
    expect(env.metadata).toMatchObject({ id: 'SIGNED_BY_SMEV', ...metadata(messageId) });
    expect(env.smevSignature?.signature).toBeDefined();
  });

  it('SendResponseRequest round-trips each choice of the response body', () => {
    const to = 'eyJzaWQiOjF9';
    const rejected = as(
      parseSmevEnvelope(
        buildSendResponseRequest({
          version,
          responseData: { messageId: id(), to, body: { kind: 'rejected', rejections: [{ code: 'NO_DATA', description: 'Сведения не найдены' }, { code: 'FAILURE', description: 'x' }] } },
        }),
      ),
      'SendResponseRequest',
    );
    expect(rejected.responseData.to).toBe(to);
    expect(rejected.responseData.body).toEqual({ kind: 'rejected', rejections: [{ code: 'NO_DATA', description: 'Сведения не найдены' }, { code: 'FAILURE', description: 'x' }] });

    const status = { code: 2, parameters: [{ key: 'k', value: 'v' }], description: 'Запрос принят в обработку' };
    const s = as(parseSmevEnvelope(buildSendResponseRequest({ version, responseData: { messageId: id(), to, body: { kind: 'status', status } } })), 'SendResponseRequest');
    expect(s.responseData.body).toEqual({ kind: 'status', status });

    const c = as(
      parseSmevEnvelope(buildSendResponseRequest({ version, responseData: { messageId: id(), to, body: { kind: 'content', content: PAYLOAD } }, callerSignature: SIGNATURE })),
      'SendResponseRequest',
    );
    expect(c.responseData.id).toBe('SIGNED_BY_CONSUMER');
    expect(c.responseData.body.kind === 'content' && c.responseData.body.content.localName).toBe('SnilsByDataRequest');
    expect(c.callerSignature?.signature).toBeDefined();

    const original = id();
    const a = as(
      parseSmevEnvelope(
        buildSendResponseRequest({
          version,
          responseData: { messageId: id(), to, body: { kind: 'async', asyncStatus: { originalMessageId: original, statusCategory: 'requestIsRejectedBySmev', statusDetails: 'bad' } } },
        }),
      ),
      'SendResponseRequest',
    );
    expect(a.responseData.id).toBe('SIGNED_ASYNC_BY_SMEV');
    expect(a.responseData.body).toEqual({ kind: 'async', asyncStatus: { originalMessageId: original, statusCategory: 'requestIsRejectedBySmev', statusDetails: 'bad' } });
  });

  it('SendResponseResponse round-trips', () => {
    const env = as(parseSmevEnvelope(buildSendResponseResponse({ version, metadata: { ...metadata(id()), messageType: 'RESPONSE' } })), 'SendResponseResponse');
    expect(env.metadata.messageType).toBe('RESPONSE');
    expect(env.smevSignature).toBeUndefined();
  });

  it('GetRequestRequest and GetResponseRequest keep the selector', () => {
    const selector = { namespaceUri: 'http://kvs.pfr.com/snils-by-data/1.1.2', rootElementLocalName: 'SnilsByDataRequest', timestamp: '2024-05-20T08:00:00.000+03:00', ...(version === '1.3' ? { nodeId: 'n1' } : {}) };
    const g = as(parseSmevEnvelope(buildGetRequestRequest({ version, selector, callerSignature: SIGNATURE })), 'GetRequestRequest');
    expect(g.selector).toMatchObject({ id: 'SIGNED_BY_CALLER', ...selector });
    expect(g.callerSignature?.signature).toBeDefined();
    const r = as(parseSmevEnvelope(buildGetResponseRequest({ version, selector: { timestamp: new Date('2024-05-20T05:00:00Z'), id: 'MY_ID' } })), 'GetResponseRequest');
    expect(r.selector).toMatchObject({ id: 'MY_ID', timestamp: '2024-05-20T05:00:00.000Z' });
    expect(r.selector.namespaceUri).toBeUndefined();
  });

  it('GetRequestResponse round-trips a queued request and an empty queue', () => {
    const consumerId = id();
    const xml = buildGetRequestResponse({
      version,
      message: {
        requestData: { messageId: consumerId, transactionCode: 't', content: PAYLOAD },
        metadata: { ...metadata(consumerId), status: undefined },
        fsAttachments: [{ uuid: id(), userName: 'anonymous', password: 'smev', fileName: 'a.pdf' }],
        replyTo: 'eyJzaWQiOjF9',
        senderSignature: SIGNATURE,
        smevSignature: SIGNATURE,
      },
    });
    const env = as(parseSmevEnvelope(xml), 'GetRequestResponse');
    const m = env.message!;
    expect(m.request.id).toBe('SIGNED_BY_SMEV');
    expect(m.request.requestData.messageId).toBe(consumerId);
    expect(m.request.metadata.sender?.mnemonic).toBe('GGER03_3T');
    expect(m.request.fsAttachments[0]?.fileName).toBe('a.pdf');
    expect(m.request.replyTo).toBe('eyJzaWQiOjF9');
    expect(m.request.senderSignature?.signature).toBeDefined();
    expect(m.smevSignature?.signature).toBeDefined();
    expect(as(parseSmevEnvelope(buildGetRequestResponse({ version })), 'GetRequestResponse').message).toBeUndefined();
  });

  it('GetResponseResponse round-trips a response and an empty queue', () => {
    const ours = id();
    const theirs = id();
    const xml = buildGetResponseResponse({
      version,
      message: {
        originalMessageId: ours,
        originalTransactionCode: 'tx',
        referenceMessageId: ours,
        responseData: { messageId: theirs, to: 'r', id: 'SIGNED_BY_PROVIDER', body: { kind: 'content', content: PAYLOAD } },
        metadata: { messageId: theirs, messageType: 'RESPONSE', sender: { mnemonic: 'PFR' }, sendingTimestamp: 'x', deliveryTimestamp: 'y', status: version === '1.1' ? 'responseIsDelivered' : 'messageIsDelivered' },
        senderSignature: SIGNATURE,
        smevSignature: SIGNATURE,
      },
    });
    const r = as(parseSmevEnvelope(xml), 'GetResponseResponse').message!.response;
    expect(r).toMatchObject({ id: 'SIGNED_BY_SMEV', originalMessageId: ours, originalTransactionCode: 'tx', referenceMessageId: ours });
    expect(r.responseData).toMatchObject({ id: 'SIGNED_BY_PROVIDER', messageId: theirs, to: 'r' });
    expect(r.metadata).toMatchObject({ status: version === '1.1' ? 'responseIsDelivered' : 'messageIsDelivered', deliveryTimestamp: 'y' });
    expect(as(parseSmevEnvelope(buildGetResponseResponse({ version })), 'GetResponseResponse').message).toBeUndefined();
  });

  it('AckRequest and AckResponse round-trip', () => {
    const target = id();
    const env = as(parseSmevEnvelope(buildAckRequest({ version, messageId: target, accepted: false, callerSignature: SIGNATURE })), 'AckRequest');
    expect(env.target).toMatchObject({ id: 'SIGNED_BY_CALLER', messageId: target, accepted: false });
    expect(env.callerSignature?.signature).toBeDefined();
    expect(as(parseSmevEnvelope(buildAckResponse({ version })), 'AckResponse').version).toBe(version);
  });

  it('GetStatusRequest and GetStatusResponse round-trip', () => {
    const req = as(parseSmevEnvelope(buildGetStatusRequest({ version, timestamp: '2024-05-20T08:00:00+03:00' })), 'GetStatusRequest');
    expect(req.timestamp).toMatchObject({ id: 'SIGNED_BY_CALLER', value: '2024-05-20T08:00:00+03:00' });
    const original = id();
    const status = {
      originalMessageId: original,
      statusCategory: 'requestIsRejectedBySmev' as const,
      statusDetails: 'FTP',
      smevFault: { code: 'c', description: 'SMEV-201:Некорректная информация о фтп вложениях' },
    };
    const res = as(parseSmevEnvelope(buildGetStatusResponse({ version, message: { status, smevSignature: SIGNATURE } })), 'GetStatusResponse');
    expect(res.message?.statusData).toMatchObject({ id: 'SIGNED_BY_SMEV', status });
    expect(res.message?.smevSignature?.signature).toBeDefined();
    expect(as(parseSmevEnvelope(buildGetStatusResponse({ version })), 'GetStatusResponse').message).toBeUndefined();
  });
});

describe('version-specific elements', () => {
  it('writes MessageBroker and SupplementaryData only for 1.1 and 1.2', () => {
    const m: MessageMetadata = { ...metadata(id()), messageBroker: 'mb', destinationName: 'dn', supplementaryData: { interactionType: 'OIV2OIV' } };
    expect(buildSendRequestResponse({ version: '1.2', metadata: m })).toContain('MessageBroker');
    expect(buildSendRequestResponse({ version: '1.3', metadata: m })).not.toContain('MessageBroker');
    const env = as(parseSmevEnvelope(buildSendRequestResponse({ version: '1.1', metadata: m })), 'SendRequestResponse');
    expect(env.metadata.supplementaryData).toEqual({ interactionType: 'OIV2OIV' });
  });

  it('accepts rout:Routing only in 1.3', () => {
    const routing = '<rout:Routing xmlns:rout="urn://x-artefacts-smev-gov-ru/services/message-exchange/types/routing/1.3"><rout:RoutingInformation/></rout:Routing>';
    const env = as(parseSmevEnvelope(buildSendRequestRequest({ version: '1.3', requestData: { messageId: id(), content: PAYLOAD }, routing })), 'SendRequestRequest');
    expect(env.routing?.localName).toBe('Routing');
    expect(() => buildSendRequestRequest({ version: '1.2', requestData: { messageId: id(), content: PAYLOAD }, routing })).toThrow(/only in 1.3/);
  });

  it('writes 1.3 attachment header fields in schema order', () => {
    const xml = buildSendRequestRequest({
      version: '1.3',
      requestData: { messageId: id(), content: PAYLOAD, attachmentHeaders: [{ contentId: 'a', namespaceUri: 'urn:n', mimeType: 'application/zip', archive: [{ name: 'f.xml', namespaceUri: 'urn:f' }] }] },
    });
    expect(xml).toMatch(/<b:contentId>a<\/b:contentId><b:NamespaceUri>urn:n<\/b:NamespaceUri><b:MimeType>application\/zip<\/b:MimeType><b:Archive>/);
    const env = as(parseSmevEnvelope(xml), 'SendRequestRequest');
    expect(env.requestData.attachmentHeaders?.[0]?.archive).toEqual([{ name: 'f.xml', namespaceUri: 'urn:f' }]);
  });

  it('orders SenderProvidedRequestData children as the XSD sequence', () => {
    const m = id();
    const xml = buildSendRequestRequest({ version: '1.2', requestData: { messageId: m, referenceMessageId: m, transactionCode: 't', nodeId: 'n', eol: 'e', content: PAYLOAD, testMessage: true } });
    const order = ['MessageID', 'ReferenceMessageID', 'TransactionCode', 'NodeID', 'EOL', 'MessagePrimaryContent', 'TestMessage'].map((n) => xml.indexOf(`:${n}`));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
