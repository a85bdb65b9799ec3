import { fileURLToPath } from 'node:url';
import { TrustList, verifyDetached, type CertificateInfo, type VerificationResult } from '../../core/smev/signature/index.ts';
import { readInput, writeLine, type CliIo } from '../io.ts';
import { EXIT_OK, EXIT_VERIFICATION_FAILED } from '../exit-codes.ts';

export interface VerifyArgs {
  file: string;
  trust?: string;
  showHashed?: boolean;
}

/** The kit's own test CA: convenient against the simulators, never a production trust anchor. */
export const TEST_TRUST_DIR = fileURLToPath(new URL('../../fixtures/keys/trust/', import.meta.url));

/**
 * Explains every signature rather than answering yes/no: when a peer's signature fails, the first questions are
 * which reference, which digest, over which bytes, and whose certificate.
 */
export async function runVerify(args: VerifyArgs, io: CliIo): Promise<number> {
  const input = await readInput(args.file, io);
  const trustDir = args.trust ?? process.env.AGENCY_KIT_TRUST_DIR ?? TEST_TRUST_DIR;
  const trust = TrustList.fromDirectory(trustDir);
  writeLine(io.stdout, `trust list: ${trustDir}${trustDir === TEST_TRUST_DIR ? ' (the kit\'s test CA: test material only)' : ''}`);

  const results = verifyDetached(input.toString('utf8'), { trust });
  results.forEach((result, index) => describeResult(result, index, results.length, args.showHashed ?? false, io));
  const failed = results.filter((r) => !r.ok).length;
  writeLine(io.stdout, failed === 0 ? `all ${results.length} signature(s) verified` : `${failed} of ${results.length} signature(s) failed`);
  return failed === 0 ? EXIT_OK : EXIT_VERIFICATION_FAILED;
}

function describeResult(result: VerificationResult, index: number, total: number, showHashed: boolean, io: CliIo): void {
  const holder = result.signature.parentNode as Element | null;
  const where = holder && holder.nodeType === 1 ? ` in <${holder.localName}>` : '';
  const verdict = result.ok ? 'OK' : `FAILED ${result.error.code}: ${result.error.message}`;
  writeLine(io.stdout, `signature ${index + 1} of ${total}${where}: ${verdict}`);
  const line = (label: string, value: string | undefined): void => {
    if (value !== undefined) writeLine(io.stdout, `  ${label.padEnd(16)}${value}`);
  };
  line('reference', result.referenceUri);
  line('profile', result.profile);
  line('signature alg', result.signatureAlgorithmUri);
  line('digest alg', result.digestAlgorithmUri);
  line('transforms', result.transforms?.join(' -> '));
  line('expected digest', result.expectedDigest);
  line('actual digest', result.actualDigest);
  if (result.certificate) describeCertificate(result.certificate, line);
  if (showHashed && result.hashedBytes) {
    writeLine(io.stdout, `  hashed bytes (${result.hashedBytes.length}):`);
    writeLine(io.stdout, result.hashedBytes.toString('utf8'));
  }
}

function describeCertificate(certificate: CertificateInfo, line: (label: string, value: string) => void): void {
  line('certificate', certificate.subject.replace(/\n/g, ', '));
  line('issuer', certificate.issuer.replace(/\n/g, ', '));
  line('serial', certificate.serialNumber);
  line('valid', `${certificate.validFrom.toISOString()} .. ${certificate.validTo.toISOString()}`);
  line('trusted', certificate.trusted ? 'yes' : 'no');
}
