import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalizeForDigest } from '../../core/smev/signature/index.ts';
import { runCli } from './run-cli.ts';

const root = join(import.meta.dirname, '../..');
const envelopePath = join(root, 'fixtures/messages/send-request-fns-income.xml');
const keys = join(root, 'fixtures/keys');
const work = mkdtempSync(join(tmpdir(), 'agency-kit-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const signArgs = (file: string, ...extra: string[]): string[] => [
  'sign', file, '--profile', 'dev', '--key', join(keys, 'consumer.key.pem'), '--cert', join(keys, 'consumer.cert.pem'), ...extra,
];

describe('agency-kit transform', () => {
  it('prints the SMEV transform of the MR sample byte for byte', async () => {
    const input = '<a:elementOne xmlns:a="http://test/1"><a:elementTwo>x</a:elementTwo><a:elementTwo/></a:elementOne>';
    const run = await runCli(['transform', '-'], input);
    expect(run.code).toBe(0);
    expect(run.stdout.toString('utf8')).toBe(
      '<ns1:elementOne xmlns:ns1="http://test/1"><ns1:elementTwo>x</ns1:elementTwo><ns1:elementTwo></ns1:elementTwo></ns1:elementOne>',
    );
  });

  it('with --id prints exactly the bytes that signing hashes', async () => {
    const run = await runCli(['transform', envelopePath, '--id', 'SIGNED_BY_CONSUMER']);
    expect(run.code).toBe(0);
    const expected = canonicalizeForDigest(readFileSync(envelopePath, 'utf8'), 'SIGNED_BY_CONSUMER').transformed;
    expect(run.stdout.equals(expected)).toBe(true);
    expect(run.stdout.toString('utf8')).toMatch(/^<ns1:SenderProvidedRequestData xmlns:ns1="urn:\/\/x-artefacts-smev-gov-ru/);
  });

  it('refuses an unqualified element with exit code 2 and a one-line reason, unless --lax', async () => {
    const strict = await runCli(['transform', '-'], '<plain>text</plain>');
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/^agency-kit: ERR_TRANSFORM_UNQUALIFIED_ELEMENT: .+\n$/);
    const lax = await runCli(['transform', '-', '--lax'], '<plain>text</plain>');
    expect(lax.code).toBe(0);
    expect(lax.stdout.toString()).toBe('<plain>text</plain>');
  });

  it('answers malformed XML and a missing file with exit code 2', async () => {
    expect((await runCli(['transform', '-'], '<a><b></a>')).code).toBe(2);
    const missing = await runCli(['transform', join(work, 'nope.xml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  });
});

describe('agency-kit sign and verify', () => {
  it('signs an envelope that then verifies against the test trust list', async () => {
    const signed = await runCli(signArgs(envelopePath));
    expect(signed.code).toBe(0);
    expect(signed.stdout.toString()).toContain('CallerInformationSystemSignature');
    const file = join(work, 'signed.xml');
    writeFileSync(file, signed.stdout);
    const verified = await runCli(['verify', file]);
    expect(verified.stdout.toString()).toContain('signature 1 of 1 in <CallerInformationSystemSignature>: OK');
    expect(verified.stdout.toString()).toMatch(/trusted\s+yes/);
    expect(verified.code).toBe(0);
  });

  it('explains a digest mismatch with both digests and the hashed bytes, and exits 1', async () => {
    const signed = (await runCli(signArgs(envelopePath))).stdout.toString();
    const tampered = signed.replace('<Snils>112-233-445 95</Snils>', '<Snils>112-233-445 96</Snils>');
    expect(tampered).not.toBe(signed);
    const run = await runCli(['verify', '-', '--show-hashed'], tampered);
    const out = run.stdout.toString();
    expect(run.code).toBe(1);
    expect(out).toContain('FAILED ERR_SIGNATURE_DIGEST_MISMATCH');
    expect(out).toMatch(/expected digest\s+\S+/);
    expect(out).toMatch(/actual digest\s+\S+/);
    expect(out).toContain('112-233-445 96');
  });

  it('reports a signature by a certificate outside the trust list as failed', async () => {
    const signed = await runCli([
      'sign', envelopePath, '--key', join(keys, 'untrusted.key.pem'), '--cert', join(keys, 'untrusted.cert.pem'),
    ]);
    const run = await runCli(['verify', '-'], signed.stdout);
    expect(run.code).toBe(1);
    expect(run.stdout.toString()).toContain('ERR_CERTIFICATE_UNTRUSTED');
  });

  it('signs any document element by --id, placing the signature beside it', async () => {
    const doc = '<r:Root xmlns:r="urn:example"><r:Data Id="D1"><r:Value>42</r:Value></r:Data></r:Root>';
    const signed = await runCli(signArgs('-', '--id', 'D1'), doc);
    expect(signed.code).toBe(0);
    const verified = await runCli(['verify', '-'], signed.stdout);
    expect(verified.code).toBe(0);
  });

  it('asks for --id when the document is not an envelope', async () => {
    const run = await runCli(signArgs('-'), '<r:Root xmlns:r="urn:example"/>');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--id');
  });

  it('exits 2 when a document to verify holds no signature', async () => {
    const run = await runCli(['verify', envelopePath]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ERR_SIGNATURE_NOT_FOUND');
  });
});

describe('agency-kit inspect', () => {
  it('names the operation, version, message id, payload type and signatures', async () => {
    const signed = await runCli(signArgs(envelopePath));
    const run = await runCli(['inspect', '-'], signed.stdout);
    const out = run.stdout.toString();
    expect(run.code).toBe(0);
    expect(out).toMatch(/operation\s+SendRequestRequest/);
    expect(out).toMatch(/version\s+1\.2/);
    expect(out).toMatch(/message id\s+c1a5a2e0-cc3a-11f1-8000-2b3c4d5e6f70/);
    expect(out).toMatch(/payload type\s+\{urn:\/\/agency-kit\/fns\/income\/1\.0\.0\}IncomeRequest/);
    expect(out).toMatch(/signatures\s+1/);
    expect(out).toContain('#SIGNED_BY_CONSUMER in <CallerInformationSystemSignature>');
  });

  it('describes a document that is not an envelope instead of failing', async () => {
    const run = await runCli(['inspect', '-'], '<r:Root xmlns:r="urn:example"/>');
    expect(run.code).toBe(0);
    expect(run.stdout.toString()).toContain('not a message-exchange envelope');
  });
});

describe('the agency-kit executable', () => {
  it('runs from bin/ with its exit codes', async () => {
    const exec = promisify(execFile);
    const ok = await exec(process.execPath, [join(root, 'bin/agency-kit.mjs'), 'inspect', envelopePath]);
    expect(ok.stdout).toContain('SendRequestRequest');
    const bad = await exec(process.execPath, [join(root, 'bin/agency-kit.mjs'), 'inspect', join(work, 'missing.xml')]).catch((e: { code: number; stderr: string }) => e);
    expect((bad as { code: number }).code).toBe(2);
  });
});
