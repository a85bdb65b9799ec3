/**
 * Quick probe: cost of SMEV detached signing/verification versus the raw RSA-2048 operation with the same key.
 * Run: npx tsx bench/signature-probe.ts
 */
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { parseXml } from '../core/xml/index.ts';
import { signSmevEnvelope, verifyDetached } from '../core/smev/signature/index.ts';
import { smevTransformElement } from '../core/smev/transform/index.ts';
import { cert, ENVELOPE, key, trust } from '../test/signature/fixtures.ts';
import { formatTable, measureSync } from './measure.ts';

const privateKeyPem = key('consumer');
const certificatePem = cert('consumer');
const privateKey = createPrivateKey(privateKeyPem);
const publicKey = createPublicKey(privateKey);
const data = Buffer.from(ENVELOPE, 'utf8');
const rawSignature = sign('sha256', data, privateKey);

const signOptions = { profile: 'dev' as const, privateKeyPem, certificatePem };
const signed = signSmevEnvelope(ENVELOPE, signOptions);
const signedDoc = parseXml(signed);
const target = parseXml(ENVELOPE).getElementsByTagNameNS('*', 'SenderProvidedRequestData').item(0)!;

console.log(`envelope: ${data.length} bytes, signed: ${Buffer.byteLength(signed)} bytes`);
const rawSign = measureSync('raw crypto.sign', () => sign('sha256', data, privateKey));
const rawVerify = measureSync('raw crypto.verify', () => verify('sha256', data, publicKey, rawSignature));
const rows = [
  rawSign,
  measureSync('signSmevEnvelope (string→string)', () => signSmevEnvelope(ENVELOPE, signOptions)),
  rawVerify,
  measureSync('verifyDetached (string)', () => verifyDetached(signed, { trust })),
  measureSync('verifyDetached (parsed Document)', () => verifyDetached(signedDoc, { trust })),
  measureSync('parseXml (signed envelope)', () => parseXml(signed)),
  measureSync('smevTransformElement (SenderProvidedRequestData)', () => smevTransformElement(target)),
];
console.log(formatTable(rows, rawSign));
const results = verifyDetached(signed, { trust });
if (!results.every((r) => r.ok)) throw new Error('probe: verification failed');
