import { Command, CommanderError, Option } from 'commander';
import { isKitError } from '../core/errors/index.ts';
import { runAuditVerify } from './commands/audit.ts';
import { runInspect } from './commands/inspect.ts';
import { runSign } from './commands/sign.ts';
import { runTransform } from './commands/transform.ts';
import { runVerify } from './commands/verify.ts';
import { BadInputError, EXIT_BAD_INPUT, EXIT_OK } from './exit-codes.ts';
import { processIo, writeLine, type CliIo } from './io.ts';

/**
 * `agency-kit`: tools for integration engineers. Exit codes: 0 ok, 1 verification failed, 2 bad input (with a
 * one-line reason on stderr). Every FILE may be `-` for standard input.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('agency-kit')
    .description('SMEV 3 tools: the SMEV transform, signing, verification and inspection of messages; audit log verification')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError(false);

  program
    .command('transform')
    .description('print the SMEV transform (urn://smev-gov-ru/xmldsig/transform) of a document as raw bytes')
    .argument('<file>', 'XML file, or - for stdin')
    .option('--id <id>', 'take the element with Id="<id>" and apply exclusive C14N first, as signing does')
    .option('--lax', 'write unqualified elements and xml:* attributes instead of refusing them (the reference refuses)')
    .action(async (file: string, opts: { id?: string; lax?: boolean }) => {
      exitCode = await runTransform({ file, ...opts }, io);
    });

  program
    .command('sign')
    .description('sign a message-exchange envelope (or the element --id of any document) and print the result')
    .argument('<file>', 'XML file, or - for stdin')
    .option('--id <id>', 'Id of the element to sign (default: the envelope\'s signed element)')
    .addOption(new Option('--profile <profile>', 'signature profile').choices(['dev', 'gost']).default('dev'))
    .requiredOption('--key <pem>', 'private key (PEM)')
    .requiredOption('--cert <pem>', 'certificate (PEM) to put in KeyInfo')
    .addOption(new Option('--chain <chain>', 'reference transforms: exc-c14n then SMEV, or exc-c14n alone for standard tools').choices(['smev', 'exc-c14n']).default('smev'))
    .action(async (file: string, opts: { id?: string; profile: 'dev' | 'gost'; key: string; cert: string; chain: 'smev' | 'exc-c14n' }) => {
      exitCode = await runSign({ file, ...opts }, io);
    });

  program
    .command('verify')
    .description('verify every signature of a document and explain any failure')
    .argument('<file>', 'XML file, or - for stdin')
    .option('--trust <dir>', 'directory of trusted PEM certificates (default: $AGENCY_KIT_TRUST_DIR, else the kit\'s test CA)')
    .option('--show-hashed', 'print the bytes each reference hashed')
    .action(async (file: string, opts: { trust?: string; showHashed?: boolean }) => {
      exitCode = await runVerify({ file, ...opts }, io);
    });

  program
    .command('inspect')
    .description('print operation, version, message id, payload type and signatures of a message')
    .argument('<file>', 'XML file, or - for stdin')
    .action(async (file: string) => {
      exitCode = await runInspect({ file }, io);
    });

  program
    .command('audit')
    .description('tools for the gateway\'s hash-chained audit log')
    .command('verify')
    .description('verify every record, the numbering and the hash chain of an audit log; print the verdict in one line')
    .argument('<file>', 'audit log (JSON Lines), or - for stdin')
    .action(async (file: string) => {
      exitCode = await runAuditVerify({ file }, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportFailure(error, io);
  }
}

function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Help and version are successful exits; anything else commander refused is a usage error.
    return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
  }
  if (error instanceof BadInputError || isKitError(error)) {
    const code = isKitError(error) ? `${error.code}: ` : '';
    writeLine(io.stderr, `agency-kit: ${code}${error.message.split('\n')[0]}`);
    return EXIT_BAD_INPUT;
  }
  const systemError = error as NodeJS.ErrnoException;
  if (systemError?.code === 'ENOENT' || systemError?.code === 'EISDIR' || systemError?.code === 'EACCES') {
    writeLine(io.stderr, `agency-kit: cannot read ${systemError.path ?? 'input'}: ${systemError.code}`);
    return EXIT_BAD_INPUT;
  }
  throw error;
}
