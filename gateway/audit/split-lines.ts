/** A line of a JSON Lines file with where it starts, so a torn tail can be cut off at the right byte. */
export interface SourceLine {
  /** 1-based, as editors count. */
  readonly lineNo: number;
  readonly text: string;
  /** Byte offset of the line's first byte. */
  readonly offset: number;
  /** False only for a last line with no newline after it: the writer stopped mid-record. */
  readonly terminated: boolean;
}

/**
 * Splits a byte stream on `\n`. Works on bytes rather than decoded text so that a multi-byte character split
 * between chunks is decoded whole and offsets are byte offsets. Memory is one line plus one chunk.
 */
export async function* splitLines(source: AsyncIterable<Buffer | string>): AsyncGenerator<SourceLine> {
  let carry = Buffer.alloc(0);
  let carryOffset = 0;
  let lineNo = 0;
  for await (const chunk of source) {
    let buffer = Buffer.concat([carry, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk]);
    let start = 0;
    let newline = buffer.indexOf(0x0a, start);
    while (newline !== -1) {
      lineNo += 1;
      yield { lineNo, text: buffer.subarray(start, newline).toString('utf8'), offset: carryOffset + start, terminated: true };
      start = newline + 1;
      newline = buffer.indexOf(0x0a, start);
    }
    carryOffset += start;
    buffer = buffer.subarray(start);
    carry = buffer;
  }
  if (carry.length > 0) yield { lineNo: lineNo + 1, text: carry.toString('utf8'), offset: carryOffset, terminated: false };
}
