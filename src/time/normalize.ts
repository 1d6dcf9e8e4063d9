import { formatIso } from './instant.js';
import { parseIso } from './iso.js';
import { parseDate, toInstant } from './parse-date.js';
import { UTC } from './zones.js';

/**
 * Coercion of a value in a date-typed field (normalized-event 6.3): ISO 8601 with T or space,
 * fraction truncated to microseconds, Z/±HH:MM/±HHMM/none (= UTC) → formatIso; other shapes go
 * through parseDate autodetection. Null when unparsable.
 */
export function normalizeDateString(text: string, nowMs?: number): string | null {
  const fields = parseIso(text);
  if (fields !== null) {
    const instant = toInstant(fields, UTC);
    return instant === null ? null : formatIso(instant);
  }
  const instant = parseDate(text, { nowMs });
  return instant === null ? null : formatIso(instant);
}
