import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-body.js';
export { INVALID_UTF8_WARNING } from './raw-event.js';

/** One event as an HTTP form gives it, before the key is checked and an id is assigned. */
export interface ReceivedItem {
  key: string | undefined;
  message: string;
  receivedMs?: number;
  /** Set when the bytes were not valid UTF-8 (invalid sequences were replaced by U+FFFD). */
  invalidUtf8?: boolean;
}


/** The key for forms without one in the body: header, then Basic auth password, then `?intake_key=`. */
export function requestKey(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers['x-sekoiaio-intake-key'];
  if (typeof header === 'string' && header) return header;
  const auth = req.headers.authorization;
  if (auth && /^basic /i.test(auth)) {
    const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const password = colon >= 0 ? decoded.slice(colon + 1) : '';
    if (password) return password;
  }
  return url.searchParams.get('intake_key') || undefined;
}

export function parseTimestamp(text: unknown, what: string): number {
  const ms = typeof text === 'number' ? (text < 1e11 ? text * 1000 : text) : typeof text === 'string' ? Date.parse(text) : NaN;
  if (!Number.isFinite(ms)) throw new HttpError(400, `invalid ${what}`);
  return ms;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'body is not valid JSON');
  }
}

/** Raw events are text; a JSON value given instead is kept as its JSON text. */
function asMessage(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch (err) {
      // Nesting deeper than the stack (JSON.parse itself takes any depth): the client's error.
      if (err instanceof RangeError) throw new HttpError(400, `${what} is nested too deeply`);
      throw err;
    }
  }
  throw new HttpError(400, `${what} must be a string`);
}

function checkCount(n: number, max: number): void {
  if (n > max) throw new HttpError(413, `request over the ${max} event limit (split it)`);
}

/** Decodes the body of each Sekoia.io-compatible form into items, at most `maxEvents` (413). */
export function decodeForm(path: string, body: Buffer, fallbackKey: string | undefined, maxEvents = Infinity): ReceivedItem[] {
  switch (path) {
    case '/plain':
      if (body.length === 0) throw new HttpError(400, 'empty body');
      return [{ key: fallbackKey, message: body.toString('utf8'), ...(isUtf8(body) ? {} : { invalidUtf8: true }) }];
    case '/plain/batch': {
      const items: ReceivedItem[] = [];
      for (let start = 0; start < body.length; ) {
        let end = body.indexOf(0x0a, start);
        if (end < 0) end = body.length;
        const line = body.subarray(start, end > start && body[end - 1] === 0x0d ? end - 1 : end);
        start = end + 1;
        if (line.length === 0) continue;
        checkCount(items.length + 1, maxEvents);
        items.push({ key: fallbackKey, message: line.toString('utf8'), ...(isUtf8(line) ? {} : { invalidUtf8: true }) });
      }
      return items;
    }
    default:
      return decodeJsonForm(path, body, fallbackKey, maxEvents);
  }
}

function decodeJsonForm(path: string, body: Buffer, fallbackKey: string | undefined, maxEvents: number): ReceivedItem[] {
  const bad = !isUtf8(body);
  const mark = (items: ReceivedItem[]) => (bad ? items.map((i) => ({ ...i, invalidUtf8: true })) : items);
  switch (path) {
    case '/jsons': {
      const data = parseJson(body);
      if (!Array.isArray(data)) throw new HttpError(400, 'body must be a JSON array of events');
      checkCount(data.length, maxEvents);
      return mark(data.map((m, i) => ({ key: fallbackKey, message: asMessage(m, `item ${i}`) })));
    }
    case '/batch': {
      const data = parseJson(body) as { intake_key?: unknown; jsons?: unknown };
      if (data === null || typeof data !== 'object' || !Array.isArray(data.jsons)) {
        throw new HttpError(400, 'body must be {"intake_key": ..., "jsons": [...]}');
      }
      checkCount(data.jsons.length, maxEvents);
      const key = typeof data.intake_key === 'string' && data.intake_key ? data.intake_key : fallbackKey;
      return mark(data.jsons.map((m, i) => ({ key, message: asMessage(m, `jsons[${i}]`) })));
    }
    case '/array': {
      const data = parseJson(body);
      if (!Array.isArray(data)) throw new HttpError(400, 'body must be a JSON array of {intake_key, json}');
      checkCount(data.length, maxEvents);
      return mark(data.map((item, i) => {
        if (item === null || typeof item !== 'object') throw new HttpError(400, `item ${i} must be an object`);
        const { intake_key, json, timestamp } = item as { intake_key?: unknown; json?: unknown; timestamp?: unknown };
        return {
          key: typeof intake_key === 'string' && intake_key ? intake_key : fallbackKey,
          message: asMessage(json, `item ${i}.json`),
          receivedMs: timestamp === undefined || timestamp === null ? undefined : parseTimestamp(timestamp, `item ${i}.timestamp`),
        };
      }));
    }
    default:
      throw new HttpError(404, 'no such intake endpoint');
  }
}

export const INTAKE_PATHS = new Set(['/plain', '/plain/batch', '/jsons', '/batch', '/array']);
/** Forms whose body may carry the intake key: without a key in the headers, the body is read. */
export const BODY_KEY_PATHS = new Set(['/batch', '/array']);
