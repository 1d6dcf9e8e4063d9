import { isAscii, isUtf8 } from 'node:buffer';
import type { Batch } from './batch.js';

const NEWLINE = 0x0a;

/**
 * Text decoded at once is at most this long: a longer string goes to V8's large-object space, on
 * fresh pages each time (measured: 69 MB of azure-linux events decoded in 256 KiB pieces 55-73 ms,
 * in pieces of at most 64 KiB 15-22 ms).
 */
const DECODE_PIECE = 64 * 1024;

/**
 * Hands each line of `bytes` (valid UTF-8) to `emit`, in order. One non-ASCII character makes V8
 * decode a whole block into a two-byte string (several times slower to decode than ASCII text),
 * and every line sliced from it, every string parsed from those and the output built from them
 * stay two-byte (JSON parsing and serialization alone cost 10-15% more). So ASCII stretches, found
 * by halving, are decoded as one-byte text; only the lines holding other characters are not.
 */
function decodeLines(bytes: Buffer, emit: (line: string) => void): void {
  if (bytes.length <= DECODE_PIECE && isAscii(bytes)) {
    for (const line of bytes.toString('latin1').split('\n')) emit(line);
    return;
  }
  let cut = bytes.indexOf(NEWLINE, bytes.length >> 1);
  if (cut < 0) cut = bytes.lastIndexOf(NEWLINE, bytes.length >> 1);
  if (cut < 0) {
    emit(bytes.toString('utf8'));
    return;
  }
  decodeLines(bytes.subarray(0, cut), emit);
  decodeLines(bytes.subarray(cut + 1), emit);
}
const strict = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

/** Splits byte streams into batches of lines, flagging lines that are not valid UTF-8. */
export class LineBatcher {
  private lines: string[] = [];
  private invalid: number[] = [];
  private carry: Buffer | undefined;
  private source: string | undefined;
  private numbers: number[] = [];
  private nextLine = 1;

  constructor(private readonly batchSize: number) {}

  /**
   * Starts an input named `source`: its batches carry its name and each line's number (blank
   * lines count), and never hold lines of another input.
   */
  beginInput(source: string, firstLine = 1): void {
    this.source = source;
    this.nextLine = firstLine;
  }

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
    if (isUtf8(complete)) {
      decodeLines(complete, (line) => this.add(line, false, out));
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
    if (this.source !== undefined) out.push(...this.flush());
    return out;
  }

  /** The last, partial batch (empty when none). */
  flush(): Batch[] {
    if (this.lines.length === 0) return [];
    const batch: Batch = { lines: this.lines, invalidUtf8: this.invalid };
    if (this.source !== undefined) {
      batch.source = this.source;
      batch.lineNumbers = this.numbers;
      this.numbers = [];
    }
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
    const number = this.nextLine++;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    // Blank lines carry no event (a trailing newline, separators between files).
    if (line.length === 0) return;
    if (invalidUtf8) this.invalid.push(this.lines.length);
    if (this.source !== undefined) this.numbers.push(number);
    this.lines.push(line);
    if (this.lines.length >= this.batchSize) out.push(...this.flush());
  }
}

/** All lines of a block of complete lines (worker side of a ByteBatch), numbered when `source` is given. */
export function splitLines(bytes: Uint8Array, source?: string, firstLine = 1): Batch {
  const batcher = new LineBatcher(Number.POSITIVE_INFINITY);
  if (source !== undefined) batcher.beginInput(source, firstLine);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const batches = [...batcher.push(buf), ...batcher.endOfInput(), ...batcher.flush()];
  return batches[0] ?? { lines: [], invalidUtf8: [] };
}

/**
 * Cuts a byte stream into blocks of whole lines of at least `size` bytes, without decoding them:
 * what the main thread does when worker threads do the rest.
 */
export class ByteChunker {
  private parts: Buffer[] = [];
  private length = 0;
  /** parts[0..scanned) hold no newline (so a very long line is scanned once, not at every chunk). */
  private scanned = 0;

  /**
   * `alloc(n)` gives the memory for a block of n bytes (a shared block when it fits one);
   * the block's bytes are copied into it once.
   */
  constructor(
    private readonly size: number,
    private readonly alloc: (bytes: number) => Uint8Array = (n) => new Uint8Array(n),
  ) {}

  push(chunk: Buffer): Uint8Array[] {
    this.parts.push(chunk);
    this.length += chunk.length;
    if (this.length < this.size) return [];
    // The cut is after the last newline, found from the newest part backwards.
    let part = this.parts.length - 1;
    let at = -1;
    for (; part >= this.scanned; part--) {
      at = this.parts[part]!.lastIndexOf(NEWLINE);
      if (at >= 0) break;
    }
    if (part < this.scanned) {
      this.scanned = this.parts.length;
      return [];
    }
    let blockLength = at + 1;
    for (let i = 0; i < part; i++) blockLength += this.parts[i]!.length;
    const block = this.gather(blockLength, part, at + 1);
    // The rest stays a view of its part: read chunks are never reused by the stream.
    const last = this.parts[part]!;
    this.parts = at + 1 < last.length ? [last.subarray(at + 1), ...this.parts.slice(part + 1)] : this.parts.slice(part + 1);
    this.length -= blockLength;
    this.scanned = this.parts.length;
    return [block];
  }

  /** Ends one input: its last line, even unterminated, is a line of its own. */
  endOfInput(): Uint8Array[] {
    if (this.length === 0) return [];
    const block = this.gather(this.length + 1, this.parts.length - 1, this.parts[this.parts.length - 1]!.length);
    block[this.length] = NEWLINE;
    this.parts = [];
    this.length = 0;
    this.scanned = 0;
    return [block];
  }

  /** Copies parts[0..lastPart) whole and parts[lastPart] up to `end` into a new block of `bytes`. */
  private gather(bytes: number, lastPart: number, end: number): Uint8Array {
    const block = this.alloc(bytes).subarray(0, bytes);
    let offset = 0;
    for (let i = 0; i < lastPart; i++) {
      block.set(this.parts[i]!, offset);
      offset += this.parts[i]!.length;
    }
    block.set(this.parts[lastPart]!.subarray(0, end), offset);
    return block;
  }
}

/** The number of lines in a block of whole lines (its newlines). */
export function countLines(bytes: Uint8Array): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let at = buf.indexOf(NEWLINE); at >= 0; at = buf.indexOf(NEWLINE, at + 1)) n++;
  return n;
}
