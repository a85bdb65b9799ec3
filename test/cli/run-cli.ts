/** Runs the CLI in-process with captured streams. */
import { PassThrough } from 'node:stream';
import { main } from '../../cli/main.ts';

export interface CliRun {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export async function runCli(argv: string[], stdin?: string | Buffer): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const input = new PassThrough();
  const outChunks: Buffer[] = [];
  const errChunks: Buffer[] = [];
  stdout.on('data', (c: Buffer) => outChunks.push(c));
  stderr.on('data', (c: Buffer) => errChunks.push(c));
  input.end(stdin ?? '');
  const code = await main(argv, { stdin: input, stdout, stderr });
  return { code, stdout: Buffer.concat(outChunks), stderr: Buffer.concat(errChunks).toString('utf8') };
}
