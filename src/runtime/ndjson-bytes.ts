/**
 * NDJSON lines encoded straight into one UTF-8 buffer. Encoding each line into place costs less
 * than joining a batch's strings and encoding the joined text (measured on the built-in formats:
 * a two-byte line, such as one holding a byte-order mark, makes the whole joined text two-byte).
 * In a worker thread the lines go into a shared block (shared-blocks.ts) when one is given and
 * they fit; past it they continue in a buffer of their own.
 */
export class NdjsonBytes {
  private buf: Buffer;
  private length = 0;

  constructor(capacity: number, into?: SharedArrayBuffer) {
    this.buf = into ? Buffer.from(into) : Buffer.allocUnsafeSlow(Math.max(capacity, 64));
  }

  /** Appends `line` and a newline. */
  push(line: string): void {
    this.reserve(line.length);
    this.length += this.buf.write(line, this.length);
    this.buf[this.length++] = 0x0a;
  }

  /** Appends the line made of `a`, `b` and `c` (written one after the other) and a newline. */
  pushPieces(a: string, b: string, c: string): void {
    this.reserve(a.length + b.length + c.length);
    this.length += this.buf.write(a, this.length);
    this.length += this.buf.write(b, this.length);
    this.length += this.buf.write(c, this.length);
    this.buf[this.length++] = 0x0a;
  }

  /** Room for `units` UTF-16 units and a newline. */
  private reserve(units: number): void {
    // A UTF-16 unit never takes more than 3 UTF-8 bytes (a surrogate pair: 4 bytes for 2 units).
    const worst = this.length + units * 3 + 1;
    if (worst > this.buf.length) this.grow(worst);
  }

  /** The lines written so far (a view of the buffer; push no more after taking it). */
  take(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  private grow(needed: number): void {
    const next = Buffer.allocUnsafeSlow(Math.max(needed, this.buf.length * 2));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }
}
