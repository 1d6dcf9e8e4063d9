import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormatError, compileStrptime, formatIso, parseDate, resolveZone } from '../../src/time/index.js';
import { toInstant } from '../../src/time/parse-date.js';

const NOW = Date.UTC(2026, 4, 1);
/** The format alone: parseDate falls back to autodetection when a format does not fit. */
const iso = (text: string, format: string, timezone?: string): string | null => {
  let fields;
  try {
    fields = compileStrptime(format).parse(text, 2026);
  } catch {
    return null;
  }
  const i = fields === null ? null : toInstant(fields, resolveZone(timezone)!);
  return i === null ? null : formatIso(i);
};

test('numeric directives %Y %y %m %d %H %M %S %f', () => {
  assert.equal(iso('2021-01-02 03:04:05', '%Y-%m-%d %H:%M:%S'), '2021-01-02T03:04:05Z');
  assert.equal(iso('21-1-2 3:4:5.12', '%y-%m-%d %H:%M:%S.%f'), '2021-01-02T03:04:05.120000Z');
  assert.equal(iso('70-01-01', '%y-%m-%d'), '1970-01-01T00:00:00Z'); // %y pivot: 69-99 → 19xx
  assert.equal(iso('68-01-01', '%y-%m-%d'), '2068-01-01T00:00:00Z');
  assert.equal(iso('2021-01-02 03:04:05.123456', '%Y-%m-%d %H:%M:%S.%f'), '2021-01-02T03:04:05.123456Z');
  assert.equal(iso('2021-01-02 03:04:05.1234567', '%Y-%m-%d %H:%M:%S.%f'), null); // %f takes 1..6 digits
});

test('names %b %B %a %A, case-insensitive, and %p with %I', () => {
  assert.equal(iso('Feb 28 2021 18:20:40', '%b %d %Y %H:%M:%S'), '2021-02-28T18:20:40Z');
  assert.equal(iso('FEBRUARY 28 2021', '%B %d %Y'), '2021-02-28T00:00:00Z');
  assert.equal(iso('sun, 28 feb 2021', '%a, %d %b %Y'), '2021-02-28T00:00:00Z');
  assert.equal(iso('Sunday 28 February 2021', '%A %d %B %Y'), '2021-02-28T00:00:00Z');
  assert.equal(iso('Feb 28 2021 at 6:20:40 PM', '%b %d %Y at %I:%M:%S %p'), '2021-02-28T18:20:40Z');
  assert.equal(iso('12:00 AM 2021-01-01', '%I:%M %p %Y-%m-%d'), '2021-01-01T00:00:00Z');
  assert.equal(iso('12:00 pm 2021-01-01', '%I:%M %p %Y-%m-%d'), '2021-01-01T12:00:00Z');
  assert.equal(iso('Fev 28 2021', '%b %d %Y'), null); // French names do not parse
});

test('%z and %Z set the offset; the timezone property applies otherwise', () => {
  assert.equal(iso('28/Feb/2021:18:20:40 +0100', '%d/%b/%Y:%H:%M:%S %z'), '2021-02-28T17:20:40Z');
  assert.equal(iso('2021-02-28T18:20:40-05:30', '%Y-%m-%dT%H:%M:%S%z'), '2021-02-28T23:50:40Z');
  assert.equal(iso('2021-02-28T18:20:40Z', '%Y-%m-%dT%H:%M:%S%z', 'Europe/Paris'), '2021-02-28T18:20:40Z');
  assert.equal(iso('2021-02-28 18:20:40 GMT', '%Y-%m-%d %H:%M:%S %Z'), '2021-02-28T18:20:40Z');
  assert.equal(iso('2021-02-28 18:20:40 CEST', '%Y-%m-%d %H:%M:%S %Z'), null);
  assert.equal(iso('2021-07-28 18:20:40', '%Y-%m-%d %H:%M:%S', 'Europe/Paris'), '2021-07-28T16:20:40Z');
});

test('%j %e %T %% and literal text; whitespace runs match any whitespace', () => {
  assert.equal(iso('2021-060', '%Y-%j'), '2021-03-01T00:00:00Z');
  assert.equal(iso('2024-366', '%Y-%j'), '2024-12-31T00:00:00Z');
  assert.equal(iso('2021-366', '%Y-%j'), null);
  assert.equal(iso('Mar  1 10:00:00', '%b %e %H:%M:%S'), '2026-03-01T10:00:00Z');
  assert.equal(iso('2021-01-02 03:04:05', '%Y-%m-%d %T'), '2021-01-02T03:04:05Z');
  assert.equal(iso('100% 2021', '100%% %Y'), '2021-01-01T00:00:00Z');
  assert.equal(iso('2021-01-02    03:04', '%Y-%m-%d %H:%M'), '2021-01-02T03:04:00Z');
  assert.equal(iso('2021.01.02 (x)', '%Y.%m.%d (x)'), '2021-01-02T00:00:00Z'); // regex characters are literal
  assert.equal(iso('2021x01x02', '%Y.%m.%d'), null);
});

test('missing year takes the year of now; invalid dates and leftovers fail', () => {
  assert.equal(iso('Oct 19 18:30:13', '%b %d %H:%M:%S'), '2026-10-19T18:30:13Z');
  assert.equal(iso('Feb 29 10:00:00', '%b %d %H:%M:%S'), null);
  assert.equal(iso('2021-01-02 garbage', '%Y-%m-%d'), null);
  assert.equal(iso('2021-02-30', '%Y-%m-%d'), null);
  assert.equal(iso('23:59:60', '%H:%M:%S'), null);
});

test('unknown directives are a FormatError at compile time and null in parseDate', () => {
  assert.throws(() => compileStrptime('%Y-%Q'), FormatError);
  assert.throws(() => compileStrptime('%Y-%'), FormatError);
  assert.equal(iso('2021-01', '%Y-%Q'), null);
  assert.equal(parseDate('2021-01', { format: '%Y-%Q', nowMs: NOW }), null);
});
