import { describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { parseXml } from '../../core/xml/index.ts';
import {
  canonicalizeForDigest,
  signDetached,
  signDetachedWith,
  signSmevEnvelope,
  streebog256Digest,
  verifyDetached,
  verifySignedElement,
  gostProfile,
  TrustList,
  XMLDSIG_NS,
  SMEV_TRANSFORM_URI,
} from '../../core/smev/signature/index.ts';
import { gostSignDigest } from '../../core/smev/signature/gost-profile.ts';
import { exclusiveC14n } from '../../core/smev/signature/transform-chain.ts';
import { devProfile } from '../../core/smev/signature/index.ts';
import { ENVELOPE, TYPES_NS, cert, devOptions, key, trust } from './fixtures.ts';

describe('a detached signature round trip', () => {
  it('signs with the dev profile and the SMEV chain, and verifies after serialize and parse', () => {
    const signed = signDetached(ENVELOPE, devOptions);
    expect(signed).toContain(`<ds:Transform Algorithm="${SMEV_TRANSFORM_URI}"/>`);
    const [result, ...rest] = verifyDetached(parseXml(signed).toString(), { trust });
    expect(rest).toHaveLength(0);
    expect(result?.ok).toBe(true);
    if (!result?.ok) return;
    expect(result.signedElement.localName).toBe('SenderProvidedRequestData');
    expect(result.referenceUri).toBe('#SIGNED_BY_CONSUMER');
    expect(result.actualDigest).toBe(result.expectedDigest);
    expect(result.certificate.trusted).toBe(true);
    expect(result.certificate.subject).toContain('consumer');
  });

  it('places the signature in a wrapper that is the next sibling of the signed element', () => {
    const doc = parseXml(signDetached(ENVELOPE, devOptions));
    const wrapper = doc.getElementsByTagNameNS(TYPES_NS, 'CallerInformationSystemSignature')[0]!;
    expect(wrapper.previousSibling && (wrapper.previousSibling as Element).localName).toBe('SenderProvidedRequestData');
    expect(wrapper.getElementsByTagNameNS(XMLDSIG_NS, 'Signature')).toHaveLength(1);
  });

  it('replaces the old signature when a document is signed twice', () => {
    const twice = signDetached(signDetached(ENVELOPE, devOptions), devOptions);
    expect(verifyDetached(twice, { trust })).toHaveLength(1);
  });

  it('signs with plain exc-c14n when asked, for standard tools', () => {
    const signed = signDetached(ENVELOPE, { ...devOptions, transforms: 'exc-c14n' });
    expect(signed).not.toContain(SMEV_TRANSFORM_URI);
    expect(verifyDetached(signed, { trust })[0]?.ok).toBe(true);
    expect(verifyDetached(signed, { trust, transforms: ['smev'] })[0]?.ok).toBe(false);
  });

  it('hashes exactly the bytes canonicalizeForDigest returns', () => {
    const signed = signDetached(ENVELOPE, devOptions);
    const [result] = verifyDetached(signed, { trust });
    const { c14n, transformed } = canonicalizeForDigest(ENVELOPE, 'SIGNED_BY_CONSUMER');
    expect(result?.hashedBytes?.equals(transformed)).toBe(true);
    expect(c14n.startsWith('<t:SenderProvidedRequestData xmlns:t=')).toBe(true);
    expect(transformed.toString('utf8').startsWith('<ns1:SenderProvidedRequestData xmlns:ns1=')).toBe(true);
  });

  it('signs a SOAP envelope with signSmevEnvelope and puts CallerInformationSystemSignature last in the operation', () => {
    const signed = signSmevEnvelope(ENVELOPE, { profile: 'dev', privateKeyPem: key('consumer'), certificatePem: cert('consumer') });
    const doc = parseXml(signed);
    const operation = doc.getElementsByTagNameNS(TYPES_NS, 'SendRequestRequest')[0]!;
    let last = operation.lastChild;
    while (last && last.nodeType !== 1) last = last.previousSibling;
    expect((last as Element).localName).toBe('CallerInformationSystemSignature');
    expect((last as Element).prefix).toBe('t');
    const element = verifySignedElement(signed, { trust, referenceId: 'SIGNED_BY_CONSUMER' });
    expect(element.getAttribute('Id')).toBe('SIGNED_BY_CONSUMER');
  });

  it('signs a GetResponse poll, whose signed element is basic:MessageTypeSelector', () => {
    const poll = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header/><s:Body><t:GetResponseRequest xmlns:t="${TYPES_NS}" xmlns:b="urn://x-artefacts-smev-gov-ru/services/message-exchange/types/basic/1.2"><b:MessageTypeSelector Id="SIGNED_BY_CALLER"><b:Timestamp>2024-05-20T08:00:00.000+03:00</b:Timestamp></b:MessageTypeSelector></t:GetResponseRequest></s:Body></s:Envelope>`;
    const signed = signSmevEnvelope(poll, { profile: 'dev', privateKeyPem: key('hub'), certificatePem: cert('hub') });
    expect(verifySignedElement(signed, { trust, referenceId: 'SIGNED_BY_CALLER' }).localName).toBe('MessageTypeSelector');
  });

  it('accepts line-wrapped base64 and a default-namespace Signature', () => {
    const signed = signDetached(ENVELOPE, devOptions);
    const wrap = (b64: string): string => b64.replace(/(.{64})/g, '$1\n');
    const rewritten = signed
      .replace(/<ds:SignatureValue>([^<]+)</, (_m, v: string) => `<ds:SignatureValue>\n${wrap(v)}\n<`)
      .replace(/<ds:X509Certificate>([^<]+)</, (_m, v: string) => `<ds:X509Certificate>\n${wrap(v)}\n<`)
      .replace(/<ds:Signature xmlns:ds="http:\/\/www.w3.org\/2000\/09\/xmldsig#">/, '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">')
      .replace(/<(\/?)ds:/g, '<$1');
    expect(rewritten).toContain('<Signature xmlns=');
    expect(rewritten).toMatch(/<SignatureValue>\n/);
    // The SignedInfo prefix is part of what is signed, so re-sign the rewritten SignedInfo as a peer would have.
    const doc = parseXml(rewritten);
    const signedInfo = doc.getElementsByTagNameNS(XMLDSIG_NS, 'SignedInfo')[0]!;
    const value = devProfile.sign(Buffer.from(exclusiveC14n(signedInfo)), key('consumer')).toString('base64');
    const valueElement = doc.getElementsByTagNameNS(XMLDSIG_NS, 'SignatureValue')[0]!;
    valueElement.textContent = `\n${wrap(value)}\n`;
    expect(verifyDetached(doc.toString(), { trust })[0]?.ok).toBe(true);
  });

  it('signs through an ExternalSigner with the same result as a local key', async () => {
    const signed = await signDetachedWith(ENVELOPE, {
      referenceId: 'SIGNED_BY_CONSUMER',
      container: devOptions.container,
      signer: { profile: devProfile, certificatePem: cert('sfr'), sign: async (bytes) => devProfile.sign(bytes, key('sfr')) },
    });
    expect(verifyDetached(signed, { trust })[0]?.ok).toBe(true);
  });
});

describe('the gost profile', () => {
  const gostTrust = TrustList.fromPems([cert('gost-consumer')]);

  it('reproduces the Streebog-256 M1 example of GOST R 34.11-2012 (RFC 6986 §10.1)', () => {
    // The standard writes M1 and H as numbers, little-endian: reversed relative to the byte stream we hash.
    const m1 = Buffer.from('323130393837363534333231303938373635343332313039383736353433323130393837363534333231303938373635343332313039383736353433323130', 'hex').reverse();
    const h = Buffer.from('00557be5e584fd52a449b16b0251d05d27f94ab76cbaa6da890b59d8ef1e159d', 'hex').reverse();
    expect(m1.toString('latin1')).toBe('012345678901234567890123456789012345678901234567890123456789012');
    expect(streebog256Digest(m1).equals(h)).toBe(true);
  });

  it('signs and verifies an envelope, with a signature of 64 bytes', () => {
    const signed = signDetached(ENVELOPE, { ...devOptions, profile: 'gost', privateKeyPem: key('gost-consumer'), certificatePem: cert('gost-consumer') });
    expect(signed).toContain('urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34102012-gostr34112012-256');
    const [result] = verifyDetached(signed, { trust: gostTrust });
    expect(result?.ok).toBe(true);
    expect(result?.profile).toBe('gost');
    const tampered = signed.replace('Иванов', 'Петров');
    expect(verifyDetached(tampered, { trust: gostTrust })[0]).toMatchObject({ ok: false, error: { code: 'ERR_SIGNATURE_DIGEST_MISMATCH' } });
  });

  it('writes s‖r big-endian and verifies with a flipped bit refused', () => {
    const digest = streebog256Digest(Buffer.from('abc'));
    const value = gostSignDigest(digest, key('gost-consumer'));
    expect(value).toHaveLength(64);
    const certificate = new X509Certificate(cert('gost-consumer'));
    expect(gostProfile.verify(Buffer.from('abc'), value, certificate)).toBe(true);
    value[10] = value[10]! ^ 1;
    expect(gostProfile.verify(Buffer.from('abc'), value, certificate)).toBe(false);
  });
});
