/**
 * Sign, verify and transform throughput for a typical request envelope, beside the raw node:crypto rate of the same
 * key: the raw rate is the ceiling, and the ratio is what the XML work costs on top of it.
 */
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSmevEnvelope } from '../core/smev/envelope/index.ts';
import { TrustList, signSmevEnvelope, verifyDetached } from '../core/smev/signature/index.ts';
import { smevTransform, smevTransformElement } from '../core/smev/transform/index.ts';
import { parseXml } from '../core/xml/index.ts';
import { formatTable, measureSync, type Throughput } from './measure.ts';

const root = join(import.meta.dirname, '..');
const keys = join(root, 'fixtures/keys');

export function runSignatureBench(options: { runMs: number }): string {
  const envelope = readFileSync(join(root, 'fixtures/messages/send-request-fns-income.xml'), 'utf8');
  const privateKeyPem = readFileSync(join(keys, 'consumer.key.pem'), 'utf8');
  const certificatePem = readFileSync(join(keys, 'consumer.cert.pem'), 'utf8');
  const gostKeyPem = readFileSync(join(keys, 'gost-consumer.key.pem'), 'utf8');
  const gostCertPem = readFileSync(join(keys, 'gost-consumer.cert.pem'), 'utf8');
  const trust = TrustList.fromDirectory(join(keys, 'trust'));
  const signed = signSmevEnvelope(envelope, { profile: 'dev', privateKeyPem, certificatePem });
  const gostSigned = signSmevEnvelope(envelope, { profile: 'gost', privateKeyPem: gostKeyPem, certificatePem: gostCertPem });
  const check = verifyDetached(signed, { trust });
  if (!check.every((r) => r.ok)) throw new Error('bench set-up: the signed envelope does not verify');

  // The raw ceiling signs a SignedInfo-sized message, which is what the RSA operation sees when we sign.
  const signedInfoSized = Buffer.alloc(700, 'x');
  const key = createPrivateKey(privateKeyPem);
  const publicKey = createPublicKey(certificatePem);
  const rawSignature = sign('sha256', signedInfoSized, key);
  const element = parseXml(envelope).getElementsByTagNameNS('*', 'SenderProvidedRequestData')[0]!;

  const run = { runMs: options.runMs, warmupMs: Math.min(300, options.runMs / 3) };
  const rawSign = measureSync('raw RSA-2048 sign (node:crypto)', () => sign('sha256', signedInfoSized, key), run);
  const rawVerify = measureSync('raw RSA-2048 verify (node:crypto)', () => verify('sha256', signedInfoSized, publicKey, rawSignature), run);
  const rows: Throughput[] = [
    rawSign,
    measureSync('signSmevEnvelope, dev profile', () => signSmevEnvelope(envelope, { profile: 'dev', privateKeyPem, certificatePem }), run),
    rawVerify,
    measureSync('verifyDetached, dev profile, trust checked', () => verifyDetached(signed, { trust }), run),
    measureSync('smevTransform of the envelope text (parse included)', () => smevTransform(envelope), run),
    measureSync('smevTransformElement of a parsed element', () => smevTransformElement(element), run),
    measureSync('parseSmevEnvelope', () => parseSmevEnvelope(envelope), run),
    measureSync('signSmevEnvelope, gost profile (pure JS)', () => signSmevEnvelope(envelope, { profile: 'gost', privateKeyPem: gostKeyPem, certificatePem: gostCertPem }), { runMs: options.runMs, warmupMs: 100 }),
    measureSync('verifyDetached, gost profile (pure JS)', () => verifyDetached(gostSigned, { trust }), { runMs: options.runMs, warmupMs: 100 }),
  ];
  const signRatio = rows[1]!.microsecondsPerOp / rawSign.microsecondsPerOp;
  return [
    `Envelope: fixtures/messages/send-request-fns-income.xml (${Buffer.byteLength(envelope)} bytes; ${Buffer.byteLength(signed)} bytes signed)`,
    '',
    formatTable(rows, rawSign),
    '',
    `Signing costs ${signRatio.toFixed(2)}x the raw RSA signature (aim: at most 1.5x).`,
  ].join('\n');
}
