import { stringifyJson } from '../core/json.js';
import type { NormalizedEvent } from '../pipeline/types.js';

/** One event as compact JSON text, keeping Python's int/float distinction (6.0 stays 6.0). */
export function serializeEvent(event: NormalizedEvent): string {
  return stringifyJson(event);
}
