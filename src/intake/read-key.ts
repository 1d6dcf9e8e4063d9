import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

/** The read key of a request: `Authorization: Bearer KEY` or `X-Intake-Read-Key: KEY`. */
export function readKeyOf(req: IncomingMessage): string | undefined {
  const header = req.headers['x-intake-read-key'];
  if (typeof header === 'string' && header) return header;
  const auth = req.headers.authorization;
  if (auth && /^bearer /i.test(auth)) return auth.slice(7).trim() || undefined;
  return undefined;
}

/** Constant-time membership, so a key cannot be guessed from answer times. */
export function isReadKey(given: string | undefined, keys: readonly string[]): boolean {
  if (given === undefined) return false;
  const g = Buffer.from(given);
  let found = false;
  for (const k of keys) {
    const b = Buffer.from(k);
    if (b.length === g.length && timingSafeEqual(b, g)) found = true;
  }
  return found;
}
