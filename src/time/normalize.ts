import { formatIso, validFields } from './instant.js';
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
    if (fields.offset === 0 && isCanonicalUtc(text, fields.micros) && validFields(fields)) return text;
    const instant = toInstant(fields, UTC);
    return instant === null ? null : formatIso(instant);
  }
  const instant = parseDate(text, { nowMs });
  return instant === null ? null : formatIso(instant);
}

/**
 * True when an ISO text that parsed with a `Z` zone is spelled exactly as formatIso would write
 * it (`YYYY-MM-DDTHH:MM:SSZ`, or 6 fraction digits when micros are not 0): a valid date in that
 * spelling is its own normalized form (years 1..9999 at offset 0 are always in range).
 */
function isCanonicalUtc(text: string, micros: number): boolean {
  const len = text.length;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(16) !== 58 || text.charCodeAt(len - 1) !== 90) return false;
  if (len === 20) return micros === 0;
  if (len !== 27 || micros === 0 || text.charCodeAt(19) !== 46) return false;
  for (let i = 20; i < 26; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
