import { createReadStream } from 'node:fs';
import { verifyAuditSource } from '../../gateway/audit/index.ts';
import { EXIT_OK, EXIT_VERIFICATION_FAILED } from '../exit-codes.ts';
import { writeLine, type CliIo } from '../io.ts';

export interface AuditVerifyArgs {
  file: string;
}

/**
 * `audit verify FILE`: one line either way, so scripts and operators can log it as is. The last hash is printed
 * on success because the file alone cannot show records cut off its end: compare it with one noted earlier.
 * An unreadable path surfaces as the file system's error, which main reports with exit code 2.
 */
export async function runAuditVerify(args: AuditVerifyArgs, io: CliIo): Promise<number> {
  const source = args.file === '-' ? io.stdin : createReadStream(args.file);
  const { verdict } = await verifyAuditSource(source);
  if (verdict.ok) {
    writeLine(io.stdout, `audit log verified: ${verdict.records} record(s), last hash ${verdict.lastHash}`);
    return EXIT_OK;
  }
  writeLine(io.stdout, `audit log FAILED at line ${verdict.line} (${verdict.kind}): ${verdict.reason}; ${verdict.records} record(s) verified before it`);
  return EXIT_VERIFICATION_FAILED;
}
