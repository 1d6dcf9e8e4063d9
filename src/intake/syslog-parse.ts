/**
 * Syslog: RFC 6587 framing (octet counting and LF-delimited) and RFC 5424 / RFC 3164 headers.
 */

export interface SyslogMessage {
  facility?: number;
  severity?: number;
  priority?: number;
  timestamp?: string;
  hostname?: string;
  appname?: string;
  procid?: string;
  msgid?: string;
  /** RFC 5424 structured data: SD-ID → param → value. */
  structuredData: Record<string, Record<string, string>>;
  /** The MSG part: the raw event. */
  msg: string;
  rfc: 5424 | 3164 | 0;
}

export class FrameError extends Error {
  override name = 'FrameError';
}

/**
 * Incremental framer for a TCP stream. A frame starting with a digit is octet-counted
 * (`LEN SP MSG`), anything else ends at LF (a trailing CR is dropped). Frames over `maxFrameBytes`
 * raise FrameError: the connection is then closed, since the stream position is lost.
 */
export class SyslogFramer {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly maxFrameBytes: number) {}

  push(chunk: Buffer): Buffer[] {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const frames: Buffer[] = [];
    let pos = 0;
    const buf = this.buffer;
    while (pos < buf.length) {
      const first = buf[pos]!;
      if (first === 0x0a || first === 0x0d || first === 0x00) { pos++; continue; }
      if (first >= 0x30 && first <= 0x39) {
        let i = pos;
        let len = 0;
        while (i < buf.length && buf[i]! >= 0x30 && buf[i]! <= 0x39 && i - pos < 10) len = len * 10 + (buf[i++]! - 0x30);
        if (i >= buf.length) break;
        // Digits then a space: octet counting. Otherwise a line that merely starts with digits.
        if (buf[i] === 0x20) {
          if (len > this.maxFrameBytes) throw new FrameError(`frame of ${len} bytes over the ${this.maxFrameBytes} limit`);
          if (buf.length - (i + 1) < len) break;
          // Senders often count a trailing newline into the frame: it is not part of the event.
          let end = i + 1 + len;
          while (end > i + 1 && (buf[end - 1] === 0x0a || buf[end - 1] === 0x0d)) end--;
          frames.push(buf.subarray(i + 1, end));
          pos = i + 1 + len;
          continue;
        }
      }
      const lf = buf.indexOf(0x0a, pos);
      if (lf < 0) {
        if (buf.length - pos > this.maxFrameBytes) throw new FrameError(`line over the ${this.maxFrameBytes} byte limit`);
        break;
      }
      if (lf - pos > this.maxFrameBytes) throw new FrameError(`line over the ${this.maxFrameBytes} byte limit`);
      const end = buf[lf - 1] === 0x0d ? lf - 1 : lf;
      frames.push(buf.subarray(pos, end));
      pos = lf + 1;
    }
    // Copy the remainder so the frames handed out do not pin the whole chunk.
    this.buffer = pos >= buf.length ? Buffer.alloc(0) : Buffer.from(buf.subarray(pos));
    return frames;
  }

  get buffered(): number {
    return this.buffer.length;
  }
}

const NIL = '-';
const MONTHS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
const RFC3164 = new RegExp(`^(${MONTHS}) ([ \\d]\\d) (\\d\\d:\\d\\d:\\d\\d) (?:(\\S+) )?([^\\s:\\[]+)(?:\\[([^\\]]*)\\])?: ?`);
const RFC3164_NO_TAG = new RegExp(`^(${MONTHS}) ([ \\d]\\d) (\\d\\d:\\d\\d:\\d\\d) `);

function nextToken(text: string, pos: number): [string, number] {
  const sp = text.indexOf(' ', pos);
  return sp < 0 ? [text.slice(pos), text.length] : [text.slice(pos, sp), sp + 1];
}

/** Parses `[id k="v" ...][id2 ...]` starting at `pos`; returns the map and the position after it. */
function parseStructuredData(text: string, pos: number): [Record<string, Record<string, string>>, number] | undefined {
  const sd: Record<string, Record<string, string>> = {};
  if (text[pos] === NIL) return [sd, pos + 1];
  while (text[pos] === '[') {
    let i = pos + 1;
    const idEnd = text.slice(i).search(/[ \]]/);
    if (idEnd < 0) return undefined;
    const id = text.slice(i, i + idEnd);
    i += idEnd;
    const params: Record<string, string> = {};
    while (text[i] === ' ') {
      i++;
      const eq = text.indexOf('=', i);
      if (eq < 0 || text[eq + 1] !== '"') return undefined;
      const name = text.slice(i, eq);
      i = eq + 2;
      let value = '';
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\' || text[i + 1] === ']')) i++;
        value += text[i++];
      }
      if (i >= text.length) return undefined;
      params[name] = value;
      i++;
    }
    if (text[i] !== ']') return undefined;
    sd[id] = params;
    pos = i + 1;
  }
  return [sd, pos];
}

/** Parses one syslog message; text that has no recognizable header comes back whole as `msg`. */
export function parseSyslog(text: string): SyslogMessage {
  const pri = /^<(\d{1,3})>/.exec(text);
  if (!pri) return { structuredData: {}, msg: text, rfc: 0 };
  const priority = Number(pri[1]);
  const base = { priority, facility: priority >> 3, severity: priority & 7 };
  let pos = pri[0].length;
  if (text.startsWith('1 ', pos)) {
    pos += 2;
    const fields: string[] = [];
    for (let n = 0; n < 5; n++) {
      const [tok, next] = nextToken(text, pos);
      fields.push(tok);
      pos = next;
    }
    const sd = parseStructuredData(text, pos);
    if (sd) {
      const [structuredData, after] = sd;
      let msg = text.slice(after).replace(/^ /, '');
      if (msg.startsWith('\ufeff')) msg = msg.slice(1);
      const opt = (v: string | undefined) => (v === undefined || v === NIL || v === '' ? undefined : v);
      return {
        ...base,
        timestamp: opt(fields[0]),
        hostname: opt(fields[1]),
        appname: opt(fields[2]),
        procid: opt(fields[3]),
        msgid: opt(fields[4]),
        structuredData,
        msg,
        rfc: 5424,
      };
    }
  }
  const rest = text.slice(pri[0].length);
  const m = RFC3164.exec(rest);
  if (m) {
    return {
      ...base,
      timestamp: `${m[1]} ${m[2]} ${m[3]}`,
      hostname: m[4],
      appname: m[5],
      procid: m[6],
      structuredData: {},
      msg: rest.slice(m[0].length),
      rfc: 3164,
    };
  }
  const bare = RFC3164_NO_TAG.exec(rest);
  if (bare) return { ...base, timestamp: bare[0].trim(), structuredData: {}, msg: rest.slice(bare[0].length), rfc: 3164 };
  return { ...base, structuredData: {}, msg: rest, rfc: 3164 };
}

/** SD-ID under which senders put the intake key (Sekoia.io's private enterprise number). */
export const INTAKE_KEY_SD_ID = 'SEKOIA@53288';

export function intakeKeyOf(message: SyslogMessage): string | undefined {
  return message.structuredData[INTAKE_KEY_SD_ID]?.['intake_key'];
}

/** Envelope fields handed to the format with the message (`log.hostname`, `log.syslog.*`). */
export function syslogEnvelope(message: SyslogMessage): Record<string, unknown> | undefined {
  if (message.rfc === 0) return undefined;
  const syslog: Record<string, unknown> = {};
  if (message.priority !== undefined) {
    syslog.priority = message.priority;
    syslog.facility = { code: message.facility };
    syslog.severity = { code: message.severity };
  }
  if (message.hostname) syslog.hostname = message.hostname;
  if (message.appname) syslog.appname = message.appname;
  if (message.procid) syslog.procid = message.procid;
  if (message.msgid) syslog.msgid = message.msgid;
  const log: Record<string, unknown> = { syslog };
  if (message.hostname) log.hostname = message.hostname;
  return { log };
}
