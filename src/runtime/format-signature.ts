import type { Format } from '../pipeline/index.js';

/**
 * What a format's test messages look like, to preselect formats cheaply in --format auto:
 * a JSON body after a head (`@cee: {...}`, `{...}`) with keys all tests share, or a common text
 * prefix. The head is null when the tests' heads differ (a byte-order mark on some, a syslog
 * header on others): any head of up to MAX_HEAD characters fits then, and the keys decide.
 */
export type FormatSignature =
  | { kind: 'json'; head: string | null; keys: string[]; quotedKeys: string[] }
  | { kind: 'text'; prefix: string }
  | { kind: 'any' };

/** Longest distance from the start where a JSON body may begin (after a syslog-like head). */
export const MAX_HEAD = 64;

/** The head text and top-level keys of a message whose tail is a JSON object, or undefined. */
export function jsonShape(message: string): { head: string; keys: string[] } | undefined {
  const start = message.indexOf('{');
  if (start < 0 || start > MAX_HEAD) return undefined;
  try {
    const value: unknown = JSON.parse(message.slice(start));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    return { head: message.slice(0, start), keys: Object.keys(value) };
  } catch {
    return undefined;
  }
}

function commonPrefix(strings: string[]): string {
  let prefix = strings[0] ?? '';
  for (const s of strings) {
    let i = 0;
    while (i < prefix.length && i < s.length && prefix[i] === s[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/** The signature of a format, from the messages of its tests. */
export function signatureOf(messages: string[]): FormatSignature {
  if (messages.length === 0) return { kind: 'any' };
  const shapes = messages.map(jsonShape);
  const first = shapes[0];
  if (first && shapes.every((s) => s !== undefined)) {
    const keys = first.keys.filter((k) => shapes.every((s) => s!.keys.includes(k)));
    const head = shapes.every((s) => s!.head === first.head) ? first.head : null;
    // Varying heads with no shared key would let every JSON-bearing message fit: not a signature.
    if (head !== null || keys.length > 0) return { kind: 'json', head, keys, quotedKeys: keys.map((k) => JSON.stringify(k)) };
  }
  return { kind: 'text', prefix: commonPrefix(messages) };
}

export function formatSignature(format: Format): FormatSignature {
  return signatureOf(format.loadTests().map((t) => t.input.message));
}
