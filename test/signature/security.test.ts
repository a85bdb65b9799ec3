import { describe, expect, it } from 'vitest';
import { isKitError } from '../../core/errors/index.ts';
import { signDetached, verifyDetached, verifySignedElement, TrustList } from '../../core/smev/signature/index.ts';
import { ENVELOPE, cert, devOptions, key, trust } from './fixtures.ts';

const signed = signDetached(ENVELOPE, devOptions);
const codeOf = (xml: string, options: Partial<Parameters<typeof verifyDetached>[1]> = {}): string | undefined => {
  const [result] = verifyDetached(xml, { trust, ...options });
  return result?.ok ? undefined : result?.error.code;
};
const throwsCode = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return isKitError(error) ? error.code : 'not a KitError';
  }
  return undefined;
};

describe('signature wrapping', () => {
  it('refuses a forged twin with the same Id while the genuine element is moved into the Header', () => {
    const genuine = /<t:SenderProvidedRequestData[\s\S]*?<\/t:SenderProvidedRequestData>/.exec(signed)![0];
    const forged = genuine.replace('Иванов', 'Петров');
    const wrapped = signed.replace(genuine, forged).replace('<soapenv:Header/>', `<soapenv:Header>${genuine}</soapenv:Header>`);
    expect(codeOf(wrapped)).toBe('ERR_SIGNATURE_WRAPPING');
    expect(throwsCode(() => verifySignedElement(wrapped, { trust, referenceId: 'SIGNED_BY_CONSUMER' }))).toBe('ERR_SIGNATURE_WRAPPING');
  });

  it('refuses duplicate ids even under another id-like attribute name', () => {
    const dup = signed.replace('<soapenv:Header/>', '<soapenv:Header><x:Decoy xmlns:x="urn:x" ID="SIGNED_BY_CONSUMER"/></soapenv:Header>');
    expect(codeOf(dup)).toBe('ERR_SIGNATURE_WRAPPING');
  });

  it('returns only the element that was hashed', () => {
    const [result] = verifyDetached(signed, { trust });
    expect(result?.ok && result.signedElement.getAttribute('Id')).toBe('SIGNED_BY_CONSUMER');
    expect(result?.ok && result.hashedBytes?.toString('utf8')).toContain('Иванов');
  });

  it('fails with ERR_SIGNATURE_WRAPPING when the signature covers another Id than expected', () => {
    expect(codeOf(signed, { expectedReferenceId: 'SOMETHING_ELSE' })).toBe('ERR_SIGNATURE_WRAPPING');
  });

  it('reports a reference to a missing element', () => {
    expect(codeOf(signed.replace('Id="SIGNED_BY_CONSUMER"', 'Id="OTHER"'))).toBe('ERR_SIGNATURE_REFERENCE_NOT_FOUND');
  });
});

describe('references and algorithms', () => {
  it.each(['', 'http://evil.example/doc.xml', "#xpointer(id('SIGNED_BY_CONSUMER'))", '#a b'])('refuses Reference URI %j', (uri) => {
    expect(codeOf(signed.replace('URI="#SIGNED_BY_CONSUMER"', `URI="${uri}"`))).toBe('ERR_SIGNATURE_REFERENCE_NOT_FOUND');
  });

  it('refuses an XPath transform', () => {
    const xpath = signed.replace(
      '<ds:Transform Algorithm="urn://smev-gov-ru/xmldsig/transform"/>',
      '<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"><ds:XPath>1</ds:XPath></ds:Transform>',
    );
    expect(codeOf(xpath)).toBe('ERR_SIGNATURE_UNSUPPORTED_ALGORITHM');
  });

  it('refuses an XSLT or enveloped-signature transform and a foreign digest method', () => {
    for (const uri of ['http://www.w3.org/TR/1999/REC-xslt-19991116', 'http://www.w3.org/2000/09/xmldsig#enveloped-signature']) {
      expect(codeOf(signed.replace('urn://smev-gov-ru/xmldsig/transform', uri))).toBe('ERR_SIGNATURE_UNSUPPORTED_ALGORITHM');
    }
    expect(codeOf(signed.replace('http://www.w3.org/2001/04/xmlenc#sha256', 'http://www.w3.org/2000/09/xmldsig#sha1'))).toBe(
      'ERR_SIGNATURE_UNSUPPORTED_ALGORITHM',
    );
    expect(codeOf(signed, { profiles: ['gost'] })).toBe('ERR_SIGNATURE_UNSUPPORTED_ALGORITHM');
  });

  it('refuses DOCTYPE input', () => {
    expect(throwsCode(() => verifyDetached(`<!DOCTYPE x [<!ENTITY e "x">]>${signed}`, { trust }))).toBe('ERR_XML_DOCTYPE_FORBIDDEN');
  });

  it('throws ERR_SIGNATURE_NOT_FOUND for an unsigned document', () => {
    expect(throwsCode(() => verifyDetached(ENVELOPE, { trust }))).toBe('ERR_SIGNATURE_NOT_FOUND');
  });
});

describe('tampering', () => {
  it('turns one changed byte of signed content into a digest mismatch', () => {
    expect(codeOf(signed.replace('1980-01-01', '1980-01-02'))).toBe('ERR_SIGNATURE_DIGEST_MISMATCH');
  });

  it('turns a changed SignatureValue into ERR_SIGNATURE_INVALID', () => {
    const tampered = signed.replace(/<ds:SignatureValue>(.)/, (_m, c: string) => `<ds:SignatureValue>${c === 'A' ? 'B' : 'A'}`);
    expect(codeOf(tampered)).toBe('ERR_SIGNATURE_INVALID');
  });

  it('turns a changed DigestValue into ERR_SIGNATURE_DIGEST_MISMATCH', () => {
    const tampered = signed.replace(/<ds:DigestValue>(.)/, (_m, c: string) => `<ds:DigestValue>${c === 'A' ? 'B' : 'A'}`);
    expect(codeOf(tampered)).toBe('ERR_SIGNATURE_DIGEST_MISMATCH');
  });
});

describe('certificates', () => {
  it('refuses a self-signed certificate outside the trust list', () => {
    const xml = signDetached(ENVELOPE, { ...devOptions, privateKeyPem: key('untrusted'), certificatePem: cert('untrusted') });
    expect(codeOf(xml)).toBe('ERR_CERTIFICATE_UNTRUSTED');
  });

  it('refuses an expired certificate issued by the trusted CA', () => {
    const xml = signDetached(ENVELOPE, { ...devOptions, privateKeyPem: key('expired'), certificatePem: cert('expired') });
    expect(codeOf(xml)).toBe('ERR_CERTIFICATE_EXPIRED');
  });

  it('trusts a leaf listed directly, without its CA', () => {
    expect(codeOf(signed, { trust: TrustList.fromPems([cert('consumer')]) })).toBeUndefined();
    expect(codeOf(signed, { trust: TrustList.fromPems([cert('hub')]) })).toBe('ERR_CERTIFICATE_UNTRUSTED');
  });

  it('refuses a certificate swapped in KeyInfo with ERR_SIGNATURE_INVALID', () => {
    const other = cert('hub').replace(/-----[^-]+-----|\s/g, '');
    expect(codeOf(signed.replace(/<ds:X509Certificate>[^<]+/, `<ds:X509Certificate>${other}`))).toBe('ERR_SIGNATURE_INVALID');
  });
});
