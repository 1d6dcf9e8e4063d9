/**
 * to_rfc3339 / to_iso8601: any date the date engine understands → `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`.
 * An optional first argument is a strptime format, read as `date.parse` reads its `format`.
 */
import { formatIso, parseDate } from '../../time/index.js';
import { registerFilter } from './registry.js';

function toRfc3339(v: unknown, args: unknown[]): unknown {
  const format = typeof args[0] === 'string' ? args[0] : null;
  const instant = parseDate(v, { format });
  return instant === null ? null : formatIso(instant);
}

registerFilter('to_rfc3339', toRfc3339);
registerFilter('to_iso8601', toRfc3339);
