import { canonicalizeForDigest } from '../../core/smev/signature/index.ts';
import { smevTransform } from '../../core/smev/transform/index.ts';
import { readInput, type CliIo } from '../io.ts';
import { EXIT_OK } from '../exit-codes.ts';

export interface TransformArgs {
  file: string;
  id?: string;
  lax?: boolean;
}

/**
 * Raw bytes on stdout so they can be piped into `sha256sum` or `openssl dgst` and compared with what a peer hashed.
 * With --id the element goes through exclusive C14N first, exactly as the signature's Reference does.
 */
export async function runTransform(args: TransformArgs, io: CliIo): Promise<number> {
  const input = await readInput(args.file, io);
  const output = args.id === undefined
    ? smevTransform(input, { strict: !args.lax })
    : canonicalizeForDigest(input.toString('utf8'), args.id).transformed;
  io.stdout.write(output);
  return EXIT_OK;
}
