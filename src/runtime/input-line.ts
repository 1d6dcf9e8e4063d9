import { parseJson } from '../core/json.js';
import type { InputEvent } from '../pipeline/index.js';

export type InputMode = 'raw' | 'json';

/** An input line turned into an event, or the reason it cannot be one. */
export type ParsedLine = { event: InputEvent } | { error: string };

/** Reads one input line: raw lines are the message; json lines must be an object with a string message. */
export function parseInputLine(line: string, mode: InputMode): ParsedLine {
  if (mode === 'raw') return { event: { message: line } };
  let value: unknown;
  try {
    value = parseJson(line);
  } catch (err) {
    return { error: `input: invalid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: 'input: a JSON line must be an object' };
  }
  const message = (value as Record<string, unknown>).message;
  if (typeof message !== 'string') return { error: 'input: "message" must be a string' };
  return { event: value as InputEvent };
}

const MESSAGE_ONLY_HEADS = ['{"message":"', '{"message": "'];
/**
 * In one pass: escapes JSON.stringify never writes (`\u` forms and `\/`; a `\\u` pair only makes
 * this cautious), and `"message"` (see messageLiteral).
 */
const FOREIGN_ESCAPE_OR_KEY = /\\[u/]|"message"/g;

/**
 * The message of a JSON line `{"message":"..."}` (nothing else in it) as the JSON string literal
 * written there, quotes included, when JSON.stringify of the message would write the very same
 * text; otherwise undefined. The output can then copy it instead of escaping the message again.
 */
export function messageLiteral(line: string, event: InputEvent): string | undefined {
  if (!line.endsWith('"}')) return undefined;
  let start = -1; // the literal's opening quote
  for (const head of MESSAGE_ONLY_HEADS) if (line.startsWith(head)) start = head.length - 1;
  if (start < 0) return undefined;
  // The line parsed as an object: with "message" its only key, the rest of the line is its value,
  // unless the key came twice (JSON.parse keeps the last one). Inside a string literal every quote
  // is escaped, so `"message"` can only be the literal's end or a repeated key.
  let keys = 0;
  for (const _ in event) if (++keys > 1) return undefined;
  // The first match decides: a foreign escape, or a `"message"` other than the literal's end
  // (`\"message"}`), and the literal is not what JSON.stringify would write.
  FOREIGN_ESCAPE_OR_KEY.lastIndex = start + 1;
  const found = FOREIGN_ESCAPE_OR_KEY.exec(line);
  if (found !== null && !(found.index === line.length - 10 && found[0] === '"message"')) return undefined;
  return line.slice(start, line.length - 1);
}
