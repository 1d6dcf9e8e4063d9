/** Dates: instants with microsecond precision, strptime, autodetection, time zones, ISO output. */
export type { Instant } from './instant.js';
export { formatIso, formatIsoMicros } from './instant.js';
export { parseDate, type ParseDateOptions } from './parse-date.js';
export { normalizeDateString } from './normalize.js';
export { resolveZone, type Zone } from './zones.js';
export { compileStrptime, FormatError, type CompiledFormat } from './strptime.js';
