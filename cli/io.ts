import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';

/** Streams the CLI talks through; tests pass their own. */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

export const processIo: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

/** A file's bytes, or standard input when the name is `-`. */
export async function readInput(file: string, io: CliIo): Promise<Buffer> {
  if (file !== '-') return readFile(file);
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

export function writeLine(stream: Writable, line = ''): void {
  stream.write(line + '\n');
}
