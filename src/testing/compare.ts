import { PyFloat } from '../core/values.js';

/**
 * The golden-test comparison (parser-language 9.2, normalized-event 14/15a):
 * metadata is ignored, lists of scalars are unordered, numbers compare by value
 * (1 == 1.0, True == 1 as in Python), date strings compare as instants.
 */

/** The four constants the catalog's runner merges into every expectation. */
export const TEST_CONSTANTS = {
  parsingStatus: 'success',
  dialect: 'test',
  zeroUuid: '00000000-0000-0000-0000-000000000000',
} as const;

type Scalar = string | number | boolean | null | bigint;

/** Copy of an event without the fields the comparison ignores (message, intake metadata, event.id). */
export function stripIgnored(event: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...event };
  delete out.message;
  const sekoiaio = out.sekoiaio;
  if (isObject(sekoiaio) && 'intake' in sekoiaio) {
    const rest = { ...sekoiaio };
    delete rest.intake;
    out.sekoiaio = rest;
  }
  const ev = out.event;
  if (isObject(ev) && 'id' in ev) {
    const rest = { ...ev };
    delete rest.id;
    out.event = rest;
  }
  return out;
}

/** Drops objects left empty by stripIgnored (both sides get the same treatment). */
export function pruneEmptyMetadataParents(event: Record<string, unknown>): Record<string, unknown> {
  const out = { ...event };
  for (const key of ['sekoiaio', 'event']) {
    const v = out[key];
    if (isObject(v) && Object.keys(v).length === 0) delete out[key];
  }
  return out;
}

/** The event as compared: ignored fields removed on both sides the same way. */
export function comparable(event: Record<string, unknown>): Record<string, unknown> {
  return pruneEmptyMetadataParents(stripIgnored(event));
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof PyFloat);
}

function isScalar(v: unknown): v is Scalar | PyFloat {
  return v === null || v instanceof PyFloat || (typeof v !== 'object' && typeof v !== 'undefined');
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/;

/** "seconds.micros" for an ISO 8601 date-time with zone, or undefined for other strings. */
export function instantKey(s: string): string | undefined {
  const m = ISO_INSTANT.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, frac = '', zone] = m;
  let offsetMin = 0;
  if (zone !== 'Z') {
    const digits = zone!.replace(':', '');
    const sign = digits[0] === '-' ? -1 : 1;
    offsetMin = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  const ms = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +sec!) - offsetMin * 60_000;
  if (Number.isNaN(ms)) return undefined;
  // More than 6 fraction digits are truncated, as the engine does (normalized-event 6.3).
  const micros = (frac + '000000').slice(0, 6);
  return `${ms / 1000}.${micros}`;
}

/** A scalar reduced to what Python equality sees: numbers (and bools) by value, dates as instants. */
function scalarKey(v: Scalar | PyFloat): string {
  if (v === null) return 'n:';
  if (v instanceof PyFloat) return `d:${v.value}`;
  switch (typeof v) {
    case 'number':
      return `d:${v}`;
    case 'bigint':
      return `d:${v.toString()}`;
    case 'boolean':
      return `d:${v ? 1 : 0}`;
    case 'string': {
      const instant = instantKey(v);
      return instant === undefined ? `s:${v}` : `t:${instant}`;
    }
    default:
      return `s:${String(v)}`;
  }
}

/** True when the two values are equal under the golden-test rules. */
export function valuesEqual(expected: unknown, actual: unknown): boolean {
  if (isScalar(expected) || isScalar(actual)) {
    return isScalar(expected) && isScalar(actual) && scalarKey(expected) === scalarKey(actual);
  }
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) return false;
    if (expected.length !== actual.length) return false;
    if (expected.every(isScalar) && actual.every(isScalar)) {
      const a = expected.map(scalarKey).sort();
      const b = actual.map(scalarKey).sort();
      return a.every((k, i) => k === b[i]);
    }
    return expected.every((e, i) => valuesEqual(e, actual[i]));
  }
  if (isObject(expected) && isObject(actual)) {
    const ek = Object.keys(expected);
    if (ek.length !== Object.keys(actual).length) return false;
    return ek.every((k) => k in actual && valuesEqual(expected[k], actual[k]));
  }
  return false;
}

/** Whether a produced event matches an expectation (both taken whole; ignored fields are stripped here). */
export function eventMatches(expected: Record<string, unknown>, actual: Record<string, unknown>): boolean {
  return valuesEqual(comparable(expected), comparable(actual));
}
