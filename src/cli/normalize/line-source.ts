import type { Batch } from '../../runtime/batch.js';

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
    let text: string | undefined;
    try {
      text = strict.decode(complete);
    } catch {
      text = undefined;
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
