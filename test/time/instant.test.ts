import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIso } from '../../src/time/index.js';
import { civilFromDays, daysFromCivil } from '../../src/time/civil.js';

test('formatIso: no fraction when micros = 0, else exactly 6 digits', () => {
  assert.equal(formatIso({ seconds: 0, micros: 0 }), '1970-01-01T00:00:00Z');
  assert.equal(formatIso({ seconds: 1679326392, micros: 406000 }), '2023-03-20T15:33:12.406000Z');
  assert.equal(formatIso({ seconds: 1679326392, micros: 7 }), '2023-03-20T15:33:12.000007Z');
  assert.equal(formatIso({ seconds: -1, micros: 500000 }), '1969-12-31T23:59:59.500000Z');
  assert.equal(formatIso({ seconds: -62135596800, micros: 0 }), '0001-01-01T00:00:00Z');
  assert.equal(formatIso({ seconds: 253402300799, micros: 999999 }), '9999-12-31T23:59:59.999999Z');
});

test('civil day arithmetic agrees with Date.UTC over a wide range', () => {
  for (let days = -800_000; days <= 800_000; days += 997) {
    const [y, m, d] = civilFromDays(days);
    const date = new Date(days * 86400000);
    assert.deepEqual([y, m, d], [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]);
    assert.equal(daysFromCivil(y, m, d), days);
  }
  assert.equal(daysFromCivil(2024, 2, 29) + 1, daysFromCivil(2024, 3, 1));
  assert.equal(daysFromCivil(2100, 2, 28) + 1, daysFromCivil(2100, 3, 1));
});
