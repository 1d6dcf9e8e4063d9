import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFormat } from '../../src/pipeline/index.js';
import { fields, jsonFillFormat } from './helpers.js';

function run(actions: string, message: string): any {
  const dir = jsonFillFormat(
    `${actions}`,
    fields({ 'acme.count': 'long', 'acme.code': 'keyword', 'acme.copy': 'integer', 'acme.raw': 'integer', 'acme.seen': 'keyword', 'acme.obj': 'object' }),
  );
  return loadFormat(dir).normalize({ message }, { testMode: true });
}

test('a set into a declared long stores the number: a later template reads it back as one', () => {
  const out = run(`      - set:
          acme.count: "{{ parsed.message.n }}"
      - set:
          acme.copy: "{{ final.acme.count }}"
          acme.raw: "{{ parsed.message.n }}"
`, '{"n": "6428"}');
  assert.equal(out.acme.count, 6428);
  // integer fields are not coerced: the copy is a number only because the long was one when read.
  assert.equal(out.acme.copy, 6428);
  assert.equal(out.acme.raw, '6428');
});

test('a set into a declared keyword stores the text: a filter comparing with strings matches', () => {
  const out = run(`      - set:
          acme.code: "{{ parsed.message.code }}"
      - set:
          acme.seen: "yes"
        filter: "{{ final.acme.code in ['6'] }}"
`, '{"code": 6}');
  assert.equal(out.acme.code, '6');
  assert.equal(out.acme.seen, 'yes');
});

test('an uncoercible value is not written, so a later null test sees the field absent', () => {
  const out = run(`      - set:
          acme.code: "x"
          acme.count: "{{ parsed.message.n }}"
      - set:
          acme.seen: "absent"
        filter: "{{ final.acme.count == null }}"
`, '{"n": "END"}');
  assert.equal(out.acme.count, undefined);
  assert.equal(out.acme.seen, 'absent');
});

test('a set stores a copy of an object: writing inside the field later leaves the source untouched', () => {
  const out = run(`      - set:
          acme.obj: "{{ parsed.message.ev }}"
      - set:
          acme.obj.extra: "added"
      - set:
          acme.code: "{{ parsed.message.ev.extra }}"
`, '{"ev": {"k": 1}}');
  assert.equal(out.acme.code, undefined);
});

test('a translate into a declared long stores the number: a later filter comparing with ints matches', () => {
  const out = run(`      - translate:
        dictionary:
          started: "17"
        mapping:
          parsed.message.what: acme.count
      - set:
          acme.seen: "number"
        filter: "{{ final.acme.count in [17, 18] }}"
      - translate:
        dictionary:
          started: "not a number"
        mapping:
          parsed.message.what: acme.code
`, '{"what": "started"}');
  assert.equal(out.acme.count, 17);
  assert.equal(out.acme.seen, 'number');
  assert.equal(out.acme.code, 'not a number');
});

test('a translate whose value cannot be coerced writes nothing', () => {
  const out = run(`      - translate:
        dictionary:
          started: "END"
        mapping:
          parsed.message.what: acme.count
`, '{"what": "started"}');
  assert.equal(out.acme, undefined);
});
