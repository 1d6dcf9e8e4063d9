import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIso, parseDate } from '../../src/time/index.js';

const NOW = Date.UTC(2026, 4, 1, 12); // year-less dates take 2026
const iso = (value: unknown, opts: Parameters<typeof parseDate>[1] = {}): string | null => {
  const i = parseDate(value, { nowMs: NOW, ...opts });
  return i === null ? null : formatIso(i);
};

// Every shape of the parser-language 5.11 table; expectations checked against python-dateutil.
const SHAPES: [string, string][] = [
  ['2023-03-20T15:33:12.406Z', '2023-03-20T15:33:12.406000Z'],
  ['2024-07-17T15:01:42.7166877+00:00', '2024-07-17T15:01:42.716687Z'],
  ['2024-07-17T17:00:24.508990Z', '2024-07-17T17:00:24.508990Z'],
  ['2024-07-17T14:18:48.578951+00:00', '2024-07-17T14:18:48.578951Z'],
  ['2024-07-17T09:21:27.3694184Z', '2024-07-17T09:21:27.369418Z'],
  ['2024-07-17T13:34:17.603+00:00', '2024-07-17T13:34:17.603000Z'],
  ['2024-07-17T21:39:14.304430+0000', '2024-07-17T21:39:14.304430Z'],
  ['Fri Jun 23 15:56:46 2023', '2023-06-23T15:56:46Z'],
  ['Mon Aug  1 03:30:36 2022', '2022-08-01T03:30:36Z'],
  ['2023 Jan 11 19:27:57', '2023-01-11T19:27:57Z'],
  ['Feb  7 13:43:37', '2026-02-07T13:43:37Z'],
  ['2022-10-03 14:02:32 +0200', '2022-10-03T12:02:32Z'],
  ['2024-07-17T03:03:03.556085721+02:00', '2024-07-17T01:03:03.556085Z'],
  ['9/16/19 10:00', '2019-09-16T10:00:00Z'],
  ['20 January, 18:53 UTC+00:00', '2026-01-20T18:53:00Z'],
  ['20160526192415Z', '2016-05-26T19:24:15Z'],
  // Digits (with a fraction) are an epoch first, scaled to 10 integer digits (catalog: Salesforce).
  ['20241029112721.500', '2034-02-21T02:48:31.272150Z'],
  ['2024-10-22T08:54:17.012+02:0', '2024-10-22T06:54:17.012000Z'],
  ['1750935017037', '2025-06-26T10:50:17.037000Z'],
  ['1599665193', '2020-09-09T15:26:33Z'],
  ['2024-07-17 09:08:27', '2024-07-17T09:08:27Z'],
  ['Feb 28 2021 18:20:40', '2021-02-28T18:20:40Z'],
  ['2022-08-31T09:48:47Z', '2022-08-31T09:48:47Z'],
  ['2020/12/04 16:00:02', '2020-12-04T16:00:02Z'],
  ['1637681708541881380', '2021-11-23T15:35:08.541882Z'],
  ['Oct 19 18:30:13.311', '2026-10-19T18:30:13.311000Z'],
  ['1673516966.834663913', '2023-01-12T09:49:26.834664Z'],
  ['1661022364.014', '2022-08-20T19:06:04.014000Z'],
  ['2024-12-20T15:35:05', '2024-12-20T15:35:05Z'],
  ['20-May-2024 09:08:10', '2024-05-20T09:08:10Z'],
  ['Jan 17 2019 03:38:06 GMT+00:00', '2019-01-17T03:38:06Z'],
  ['Sep 05 2023 16:47:48 UTC', '2023-09-05T16:47:48Z'],
  ['2024-06-29', '2024-06-29T00:00:00Z'],
  ['2025-12-09 08:23:52,682', '2025-12-09T08:23:52.682000Z'],
  ['02/22/2023 02:22:20', '2023-02-22T02:22:20Z'],
  ['12/13/2024 4:34:03 PM', '2024-12-13T16:34:03Z'],
  ['133355377959700000', '2012-04-04T15:36:19.597000Z'],
];

test('autodetects every shape of the spec table', () => {
  for (const [input, expected] of SHAPES) assert.equal(iso(input), expected, input);
});

test('other common shapes', () => {
  assert.equal(iso('12/03/24'), '2024-12-03T00:00:00Z'); // month first
  assert.equal(iso('20.05.2024 10:00'), '2024-05-20T10:00:00Z'); // first number > 12: day first
  assert.equal(iso('Tue, 21 Nov 2023 10:00:00 +0000'), '2023-11-21T10:00:00Z');
  assert.equal(iso('Thursday, March 7, 2024 10:15:00 AM'), '2024-03-07T10:15:00Z');
  assert.equal(iso('12/13/2024 12:05:00 AM'), '2024-12-13T00:05:00Z');
  assert.equal(iso('2023-3-5 1:02:03 -0500'), '2023-03-05T06:02:03Z');
  assert.equal(iso('Sep 05 2023 16:47:48 CEST'), '2023-09-05T16:47:48Z'); // unknown abbreviation ignored
  assert.equal(iso('Jan 17 2019 03:38:06 GMT+01:00'), '2019-01-17T02:38:06Z');
  assert.equal(iso('  2023-03-20T15:33:12Z \n'), '2023-03-20T15:33:12Z');
});

test('the timezone applies only to texts without an offset', () => {
  assert.equal(iso('2024-07-01 12:00:00', { timezone: 'Europe/Paris' }), '2024-07-01T10:00:00Z');
  assert.equal(iso('2024-01-01 12:00:00', { timezone: 'Europe/Paris' }), '2024-01-01T11:00:00Z');
  assert.equal(iso('2024-07-01 12:00:00Z', { timezone: 'Europe/Paris' }), '2024-07-01T12:00:00Z');
  assert.equal(iso('2024-07-01 12:00:00+03:00', { timezone: '-0500' }), '2024-07-01T09:00:00Z');
  assert.equal(iso('Feb 28 2021 18:20:40', { timezone: '+0100' }), '2021-02-28T17:20:40Z');
  assert.equal(iso('Feb 28 2021 18:20:40', { timezone: '-05:30' }), '2021-02-28T23:50:40Z');
  assert.equal(iso('Feb 28 2021 18:20:40', { timezone: 'UTC' }), '2021-02-28T18:20:40Z');
  // An epoch is a UTC wall time without an offset: the zone applies to it too.
  assert.equal(iso('1599665193', { timezone: 'Europe/Paris' }), '2020-09-09T13:26:33Z');
  assert.equal(iso('1599665193', { timezone: 'UTC' }), '2020-09-09T15:26:33Z');
  assert.equal(iso('1599665193'), '2020-09-09T15:26:33Z');
  assert.equal(iso('2024-07-01 12:00:00', { timezone: 'Mars/Olympus' }), null);
});

test('Europe/Paris DST transitions follow Python fold=0', () => {
  const paris = { timezone: 'Europe/Paris' };
  assert.equal(iso('2024-03-31 01:59:59', paris), '2024-03-31T00:59:59Z');
  assert.equal(iso('2024-03-31 02:30:00', paris), '2024-03-31T01:30:00Z'); // in the gap: offset before it
  assert.equal(iso('2024-03-31 03:00:00', paris), '2024-03-31T01:00:00Z');
  assert.equal(iso('2024-10-27 01:59:59', paris), '2024-10-26T23:59:59Z');
  assert.equal(iso('2024-10-27 02:30:00', paris), '2024-10-27T00:30:00Z'); // ambiguous: first occurrence
  assert.equal(iso('2024-10-27 03:00:00', paris), '2024-10-27T02:00:00Z');
  assert.equal(iso('2024-07-01 12:00:00', { timezone: 'America/New_York' }), '2024-07-01T16:00:00Z');
});

test('year-less dates take the year of the injected now', () => {
  assert.equal(iso('Feb  7 13:43:37', { nowMs: Date.UTC(2019, 0, 1) }), '2019-02-07T13:43:37Z');
  assert.equal(iso('Dec 31 23:59:59', { nowMs: Date.UTC(2030, 0, 1) }), '2030-12-31T23:59:59Z');
  assert.equal(iso('Feb 29 10:00:00', { nowMs: Date.UTC(2024, 5, 1) }), '2024-02-29T10:00:00Z');
  assert.equal(iso('Feb 29 10:00:00', { nowMs: Date.UTC(2025, 5, 1) }), null);
});

test('epochs: numbers, big ints, floats, negatives, rounding to the microsecond', () => {
  assert.equal(iso(1599665193), '2020-09-09T15:26:33Z');
  assert.equal(iso(1750935017037), '2025-06-26T10:50:17.037000Z');
  assert.equal(iso(1750935017037123), '2025-06-26T10:50:17.037123Z');
  assert.equal(iso(1637681708541881380n), '2021-11-23T15:35:08.541882Z'); // n * 1e-9 as a float
  assert.equal(iso(1637681708541881500n), '2021-11-23T15:35:08.541882Z');
  assert.equal(iso('1637681708999999600'), '2021-11-23T15:35:09Z'); // carry into the seconds
  assert.equal(iso(1661022364.014), '2022-08-20T19:06:04.014000Z');
  assert.equal(iso(-1), '1969-12-31T23:59:59Z');
  assert.equal(iso('-1.5'), '1969-12-31T23:59:58.500000Z');
  assert.equal(iso(-1.25), '1969-12-31T23:59:58.750000Z');
  assert.equal(iso(0), '1970-01-01T00:00:00Z');
  // Scaled to 10 integer digits as a Python float, rounded half to even (catalog: Imperva, Fortinet).
  assert.equal(iso('123456789'), '2009-02-13T23:31:30Z');
  assert.equal(iso(123456789), '2009-02-13T23:31:30Z');
  assert.equal(iso('1741260033782633377'), '2025-03-06T11:20:33.782634Z');
  assert.equal(iso(0.5), '1970-01-01T00:00:00.500000Z');
  assert.equal(iso('000'), '1970-01-01T00:00:00Z');
  assert.equal(iso('1.5'), '1970-01-01T00:00:01.500000Z');
  assert.equal(iso('1599665193', { format: 'timestamp' }), '2020-09-09T15:26:33Z');
  assert.equal(iso('abc', { format: 'timestamp' }), null);
});

test('integer epochs are scaled by a float multiplication, microseconds rounded from that float', () => {
  // n * 1e-9 rounds differently from the exact decimal digits (.373 up, .496 down).
  assert.equal(iso('1741264893005614373'), '2025-03-06T12:41:33.005615Z');
  assert.equal(iso('1602591763587868496'), '2020-10-13T12:22:43.587868Z');
  assert.equal(iso('1748601303656994360'), '2025-05-30T10:35:03.656994Z');
  assert.equal(iso('1632458429811809'), '2021-09-24T04:40:29.811809Z');
  assert.equal(iso('-1'), '1969-12-31T23:59:59Z');
  assert.equal(iso('1' + '0'.repeat(50)), null);
});

test('a negative integer epoch counts its minus sign in its length', () => {
  assert.equal(iso('-11644473600000'), '1966-04-24T06:14:24Z'); // 15 characters: n * 1e-5
  assert.equal(iso(-11644473600000), '1966-04-24T06:14:24Z');
  assert.equal(iso('-1234567890'), '1966-02-02T02:26:51Z'); // 11 characters: n * 1e-1
  assert.equal(iso('-123456789'), '1966-02-02T02:26:51Z'); // 10 characters: seconds
});

test('a text epoch with a fraction and more than 10 integer digits: its float, scaled by multiplication', () => {
  // 20241026044641.024 * 1e-4 is 2024102604.4641025 (a division would give ...4641023).
  assert.equal(iso('20241026044641.024'), '2034-02-21T02:43:24.464103Z');
  assert.equal(iso('17000000001234.5'), '2023-11-14T22:13:20.123450Z');
  assert.equal(iso('1' + '0'.repeat(45) + '.5'), null);
});

test('a positive integer epoch of fewer than 10 digits is padded to 10 digits of seconds', () => {
  assert.equal(iso('123456789'), '2009-02-13T23:31:30Z');
  assert.equal(iso(123456789), '2009-02-13T23:31:30Z');
  assert.equal(iso('223456789', { format: 'timestamp' }), '2040-10-23T01:18:10Z');
  assert.equal(iso(' 12 '), '2008-01-10T21:20:00Z');
  assert.equal(iso('123456789.5'), '1973-11-29T21:33:09.500000Z'); // a fraction: seconds as written
});

test('garbage and out-of-range inputs give null', () => {
  for (const bad of ['garbage', '', '   ', 'Jan 2023', '25:00', '2023-02-30T00:00:00Z', '2023-13-01', '2024-01-01T24:00:00',
    'Feb 30 2021 10:00:00', '13/13/2024', '12/03/24 99:00', 'Foo 12 2024 10:00', '2024-01-01T10:00:00+25:00', '\u0000\u0001', 'x'.repeat(100_000)]) {
    assert.equal(iso(bad), null, JSON.stringify(bad.slice(0, 40)));
  }
  for (const bad of [true, null, undefined, {}, [], NaN, Infinity]) assert.equal(iso(bad), null);
  assert.equal(iso('0000-01-01T00:00:00Z'), null);
  assert.equal(iso('0001-01-01T00:30:00+01:00'), null); // before year 1 once the offset is applied
  assert.equal(iso('9999-12-31T23:59:59Z'), '9999-12-31T23:59:59Z');
});

test('a timezone option may be an abbreviation: a fixed offset; IANA zones of such names keep their rules', () => {
  assert.equal(iso('Oct 21 2026 05:12:05', { timezone: 'PDT' }), '2026-10-21T12:12:05Z');
  assert.equal(iso('Dec 03 2026 12:34:53', { timezone: 'CST' }), '2026-12-03T18:34:53Z');
  assert.equal(iso('Oct 19 2026 13:40:06', { timezone: 'CST' }), '2026-10-19T19:40:06Z'); // no DST: fixed
  assert.equal(iso('Jul 03 2024 16:39:13', { timezone: 'CEST' }), '2024-07-03T14:39:13Z');
  assert.equal(iso('Oct 19 2026 16:07:39', { timezone: 'brt' }), '2026-10-19T19:07:39Z');
  assert.equal(iso('Jul 03 2024 16:39:13', { timezone: 'CET' }), '2024-07-03T14:39:13Z'); // IANA CET: summer time
  assert.equal(iso('Jul 03 2024 16:39:13 CEST'), '2024-07-03T16:39:13Z'); // in the text: ignored
});

test('a text that the format does not fit is autodetected', () => {
  const NOW = Date.UTC(2026, 4, 1);
  const iso = (text: string, format: string): string | null => {
    const i = parseDate(text, { format, nowMs: NOW });
    return i === null ? null : formatIso(i);
  };
  assert.equal(iso('20230718225959.250', '%y%m%d%H%M%S.%f'), '2034-02-09T04:23:42.595925Z'); // an epoch
  assert.equal(iso('2021-02-28 18:20:40', '%d/%m/%Y'), '2021-02-28T18:20:40Z');
  assert.equal(iso('28/02/2021', '%d/%m/%Y'), '2021-02-28T00:00:00Z');
  assert.equal(iso('not a date', '%d/%m/%Y'), null);
});

test('a timezone cannot apply to a date whose format gave an offset: no date', () => {
  const at = (text: string, timezone?: string): string | null => {
    const i = parseDate(text, { format: '%d/%b/%Y:%H:%M:%S %z', timezone });
    return i === null ? null : formatIso(i);
  };
  assert.equal(at('02/Sep/2025:13:02:34 +0200'), '2025-09-02T11:02:34Z');
  assert.equal(at('02/Sep/2025:13:02:34 +0200', 'UTC'), null);
  // Autodetected offsets are unaffected.
  assert.equal(formatIso(parseDate('2025-09-02T13:02:34+02:00', { timezone: 'UTC' })!), '2025-09-02T11:02:34Z');
});

test('a lone offset is no epoch, also when a format that does not fit falls back', () => {
  assert.equal(parseDate('+0100'), null);
  assert.equal(parseDate('+0100', { format: '%Y-%m-%d %H:%M:%S%z' }), null);
  assert.equal(formatIso(parseDate('-1')!), '1969-12-31T23:59:59Z');
});
