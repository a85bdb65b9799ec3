import { describe, expect, it } from 'vitest';
import {
  buildDirectAnswer,
  buildDirectRequest,
  buildSignedDirectAnswer,
  buildSignedDirectRequest,
  parseDirectRequest,
  signDirectEnvelope,
} from '../../core/direct-soap/index.ts';
import { loadSamples } from '../contracts/_samples.ts';
import { cert, key } from '../signature/fixtures.ts';

const MESSAGE_ID = '6f1c1a00-cb1e-11f0-8000-000000000001';
const CONSUMER_SIGNING = { profile: 'dev' as const, privateKeyPem: key('consumer'), certificatePem: cert('consumer') };

describe('building a signed direct envelope on one parsed document', () => {
  it.each(loadSamples().map((s) => [`${s.contract.agency} ${s.file}`, s.xml] as const))(
    'gives the same bytes as building, then signing the text (%s)',
    (_name, payloadXml) => {
      const input = { payloadXml, messageId: MESSAGE_ID };
      const request = buildDirectRequest(input);
      expect(buildSignedDirectRequest(input, CONSUMER_SIGNING).xml).toBe(signDirectEnvelope(request.xml, { side: 'caller', referenceId: request.referenceId, signing: CONSUMER_SIGNING }));
      const answer = buildDirectAnswer(input);
      expect(buildSignedDirectAnswer(input, CONSUMER_SIGNING).xml).toBe(signDirectEnvelope(answer.xml, { side: 'agency', referenceId: answer.referenceId, signing: CONSUMER_SIGNING }));
    },
  );

  it('drops comments and whitespace around the payload root, as the serializing path does', () => {
    const payloadXml = '<?xml version="1.0" encoding="UTF-8"?>\n<!-- note -->\n<q:Ask xmlns:q="urn:x"><q:A>1</q:A></q:Ask>\n';
    const signed = buildSignedDirectRequest({ payloadXml, messageId: MESSAGE_ID }, CONSUMER_SIGNING);
    const request = buildDirectRequest({ payloadXml, messageId: MESSAGE_ID });
    expect(signed.xml).toBe(signDirectEnvelope(request.xml, { side: 'caller', referenceId: request.referenceId, signing: CONSUMER_SIGNING }));
    expect(parseDirectRequest(signed.xml).payload.localName).toBe('Ask');
  });

  it('refuses a payload that is not exactly one qualified element, like the serializing path', () => {
    const build = (payloadXml: string) => () => buildSignedDirectRequest({ payloadXml }, CONSUMER_SIGNING);
    expect(build('<q:A xmlns:q="urn:x"/><q:B xmlns:q="urn:x"/>')).toThrow(expect.objectContaining({ code: 'ERR_XML_MALFORMED' }));
    expect(build('')).toThrow(expect.objectContaining({ code: 'ERR_XML_MALFORMED' }));
    expect(build('<q:A xmlns:q="urn:x">')).toThrow(expect.objectContaining({ code: 'ERR_XML_MALFORMED' }));
    expect(build('<Unqualified/>')).toThrow(expect.objectContaining({ code: 'ERR_TRANSFORM_UNQUALIFIED_ELEMENT' }));
    // Closing the Body from inside the payload cannot smuggle a second Body element in.
    expect(build('<q:A xmlns:q="urn:x"/></soap:Body><soap:Body>')).toThrow(expect.objectContaining({ code: 'ERR_XML_MALFORMED' }));
  });
});
