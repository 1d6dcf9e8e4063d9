/** to_rfc3339 / to_iso8601: any date the date engine understands → `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`. */
import { formatIso, parseDate } from '../../time/index.js';
import { registerFilter } from './registry.js';

function toRfc3339(v: unknown): unknown {
  const instant = parseDate(v, {});
  return instant === null ? null : formatIso(instant);
}

registerFilter('to_rfc3339', toRfc3339);
registerFilter('to_iso8601', toRfc3339);
