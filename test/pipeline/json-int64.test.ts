import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFormat } from '../../src/pipeline/index.js';
import { parseJson } from '../../src/core/json.js';
import { fields, makeFormat } from './helpers.js';

const dir = makeFormat(
  `name: acme
pipeline:
  - name: parsed
    external:
      name: json.parse-json
      properties:
        input_field: "{{ original.message }}"
        output_field: doc
  - name: fill
stages:
  fill:
    actions:
      - set:
          acme.flags: "{{ parsed.doc.flags }}"
          acme.size: "{{ parsed.doc.size }}"
          acme.path: "{{ parsed.doc.path }}"
`,
  fields({ 'acme.flags': 'keyword', 'acme.size': 'long', 'acme.path': 'keyword' }),
);

function run(message: string): any {
  return loadFormat(dir).normalize({ message }, { testMode: true }).acme;
}

test('a JSON integer beyond 64 bits is read as the nearest double, still an integer', () => {
  // The message is a Python dict literal too: the stage must still read it as JSON text.
  assert.equal(run('{"flags": -9223372036854776000}').flags, '-9223372036854775808');
  // Within the unsigned 64-bit range the digits stay exact.
  assert.equal(run('{"flags": 17793441978049446000}').flags, '17793441978049446000');
  assert.equal(run('{"flags": -9214364837600035000}').flags, '-9214364837600035000');
});

test('the JSON stage reads its template input as JSON, not as a Python literal', () => {
  assert.equal(run('{"path": "a\\/b"}').path, 'a/b');
});

test('a long field saturates at the signed 64-bit bounds', () => {
  assert.equal(run('{"size": "18446744073709551615"}').size, 9223372036854775807n);
  assert.equal(run('{"size": "-99999999999999999999"}').size, -9223372036854775808n);
  assert.equal(run('{"size": "9223372036854775806"}').size, 9223372036854775806n);
});

test('parseJson keeps exact integers unless asked for 64-bit reading', () => {
  assert.deepEqual(parseJson('[-9223372036854776000]'), [-9223372036854776000n]);
  assert.deepEqual(parseJson('[-9223372036854776000, 18446744073709551616]', { int64: true }), [-9223372036854775808n, 18446744073709551616n]);
  assert.deepEqual(parseJson('[18446744073709551615]', { int64: true }), [18446744073709551615n]);
});
