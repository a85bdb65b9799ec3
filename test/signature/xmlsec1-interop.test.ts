/**
 * Interop with Debian's xmlsec1 (libxml2 + OpenSSL), an implementation independent of ours. xmlsec1 cannot know
 * the SMEV transform (urn://smev-gov-ru/xmldsig/transform), so interop uses the plain exc-c14n chain; the SMEV
 * chain is covered by the round-trip tests here and the transform's golden tests.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signDetached, verifyDetached } from '../../core/smev/signature/index.ts';
import { ENVELOPE, KEYS_DIR, TYPES_NS, devOptions, trust } from './fixtures.ts';

const XMLSEC1 = '/usr/bin/xmlsec1';
const available = existsSync(XMLSEC1);
const work = mkdtempSync(join(tmpdir(), 'sig-interop-'));
const CA = join(KEYS_DIR, 'trust', 'ca.cert.pem');

function xmlsecVerify(xml: string): { ok: boolean; output: string } {
  const file = join(work, `verify-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const run = spawnSync(XMLSEC1, ['--verify', '--trusted-pem', CA, '--id-attr:Id', `${TYPES_NS}:SenderProvidedRequestData`, file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

describe.skipIf(!available)('interop with xmlsec1 (skipped when /usr/bin/xmlsec1 is absent)', () => {
  it('xmlsec1 accepts our exc-c14n signature', () => {
    const signed = signDetached(ENVELOPE, { ...devOptions, transforms: 'exc-c14n' });
    const result = xmlsecVerify(signed);
    expect(result.output).toContain('OK');
    expect(result.ok).toBe(true);
  });

  it('xmlsec1 rejects it after one byte of signed content changed', () => {
    const signed = signDetached(ENVELOPE, { ...devOptions, transforms: 'exc-c14n' }).replace('1980-01-01', '1980-01-02');
    expect(xmlsecVerify(signed).ok).toBe(false);
  });

  it('we accept a signature made by xmlsec1 --sign', () => {
    const template = ENVELOPE.replace(
      '</t:SenderProvidedRequestData>',
      `</t:SenderProvidedRequestData><t:CallerInformationSystemSignature><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI="#SIGNED_BY_CONSUMER"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/></ds:Reference></ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data/></ds:KeyInfo></ds:Signature></t:CallerInformationSystemSignature>`,
    );
    const file = join(work, 'template.xml');
    writeFileSync(file, template);
    const signed = execFileSync(XMLSEC1, [
      '--sign',
      '--privkey-pem', `${join(KEYS_DIR, 'fns.key.pem')},${join(KEYS_DIR, 'fns.cert.pem')}`,
      '--id-attr:Id', `${TYPES_NS}:SenderProvidedRequestData`,
      file,
    ], { encoding: 'utf8' });
    expect(signed).toContain('<ds:X509Certificate>');
    const [result] = verifyDetached(signed, { trust });
    expect(result?.ok).toBe(true);
    expect(result?.ok && result.certificate.subject).toContain('fns');
  });
});
