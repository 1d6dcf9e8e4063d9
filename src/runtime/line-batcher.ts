import type { Batch } from './batch.js';

const NEWLINE = 0x0a;
const strict = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

/** Splits byte streams into batches of lines, flagging lines that are not valid UTF-8. */
export class LineBatcher {
  private lines: string[] = [];
  private invalid: number[] = [];
  private carry: Buffer | undefined;

  constructor(private readonly batchSize: number) {}

  /** Adds bytes; returns the batches completed by them. */
  push(chunk: Buffer): Batch[] {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const last = buf.lastIndexOf(NEWLINE);
    if (last < 0) {
      this.carry = buf;
      return [];
    }
    this.carry = last + 1 < buf.length ? buf.subarray(last + 1) : undefined;
    const complete = buf.subarray(0, last);
    const out: Batch[] = [];
    // Buffer decoding is the fast one; only text with U+FFFD in it (a bad sequence, or a real
    // replacement character) is decoded again strictly to tell which lines are not UTF-8.
    let text: string | undefined = complete.toString('utf8');
    if (text.includes('\uFFFD')) {
      try {
        text = strict.decode(complete);
      } catch {
        text = undefined;
      }
    }
    if (text !== undefined) {
      for (const line of text.split('\n')) this.add(line, false, out);
    } else {
      // Rare path: find the bad lines one by one.
      let start = 0;
      while (start <= complete.length) {
        let end = complete.indexOf(NEWLINE, start);
        if (end < 0) end = complete.length;
        this.addBytes(complete.subarray(start, end), out);
        start = end + 1;
      }
    }
    return out;
  }

  /** Ends one input (a file): its unterminated last line counts as a line. */
  endOfInput(): Batch[] {
    const out: Batch[] = [];
    if (this.carry) this.addBytes(this.carry, out);
    this.carry = undefined;
    return out;
  }

  /** The last, partial batch (empty when none). */
  flush(): Batch[] {
    if (this.lines.length === 0) return [];
    const batch = { lines: this.lines, invalidUtf8: this.invalid };
    this.lines = [];
    this.invalid = [];
    return [batch];
  }

  private addBytes(bytes: Uint8Array, out: Batch[]): void {
    try {
      this.add(strict.decode(bytes), false, out);
    } catch {
      this.add(lossy.decode(bytes), true, out);
    }
  }

  private add(line: string, invalidUtf8: boolean, out: Batch[]): void {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    // Blank lines carry no event (a trailing newline, separators between files).
    if (line.length === 0) return;
    if (invalidUtf8) this.invalid.push(this.lines.length);
    this.lines.push(line);
    if (this.lines.length >= this.batchSize) out.push(...this.flush());
  }
}

/** All lines of a block of complete lines (worker side of a ByteBatch). */
export function splitLines(bytes: Uint8Array): Batch {
  const batcher = new LineBatcher(Number.POSITIVE_INFINITY);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  batcher.push(buf);
  batcher.endOfInput();
  return batcher.flush()[0] ?? { lines: [], invalidUtf8: [] };
}

/**
 * Cuts a byte stream into blocks of whole lines of at least `size` bytes, without decoding them:
 * what the main thread does when worker threads do the rest.
 */
export class ByteChunker {
  private parts: Buffer[] = [];
  private length = 0;

  constructor(private readonly size: number) {}

  push(chunk: Buffer): Uint8Array[] {
    this.parts.push(chunk);
    this.length += chunk.length;
    if (this.length < this.size) return [];
    const buf = Buffer.concat(this.parts, this.length);
    const last = buf.lastIndexOf(NEWLINE);
    if (last < 0) {
      this.parts = [buf];
      return [];
    }
    // A copy, not a view: the block is handed to another thread and the rest is kept here.
    const block = new Uint8Array(buf.subarray(0, last + 1));
    const rest = buf.subarray(last + 1);
    this.parts = rest.length > 0 ? [Buffer.from(rest)] : [];
    this.length = rest.length;
    return [block];
  }

  /** Ends one input: its last line, even unterminated, is a line of its own. */
  endOfInput(): Uint8Array[] {
    if (this.length === 0) return [];
    const block = new Uint8Array(this.length + 1);
    block.set(Buffer.concat(this.parts, this.length));
    block[this.length] = NEWLINE;
    this.parts = [];
    this.length = 0;
    return [block];
  }
}
