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
