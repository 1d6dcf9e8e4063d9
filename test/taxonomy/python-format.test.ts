import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PyFloat } from '../../src/core/values.js';
import { compareCodePoints, pyCompactJson, pyFloatRepr, pyScalarText } from '../../src/taxonomy/python-format.js';

test('floats render like Python repr', () => {
  const cases: [number, string][] = [
    [6, '6.0'], [1.5, '1.5'], [1e20, '1e+20'], [1e16, '1e+16'], [1e15, '1000000000000000.0'],
    [9999999999999998, '9999999999999998.0'], [0.0001, '0.0001'], [0.00001, '1e-05'], [1.5e-7, '1.5e-07'],
    [-2.5, '-2.5'], [0.1, '0.1'], [123.456, '123.456'], [1.2345e22, '1.2345e+22'], [-0, '-0.0'],
    [Infinity, 'inf'], [NaN, 'nan'], [1e100, '1e+100'],
  ];
  for (const [x, expected] of cases) assert.equal(pyFloatRepr(x), expected, `repr(${x})`);
});

test('scalar text: ints, PyFloat, bigint, booleans', () => {
  assert.equal(pyScalarText(6), '6');
  assert.equal(pyScalarText(new PyFloat(6)), '6.0');
  assert.equal(pyScalarText(new PyFloat(1e20)), '1e+20');
  assert.equal(pyScalarText(1.5), '1.5');
  assert.equal(pyScalarText(12345678901234567890n), '12345678901234567890');
  assert.equal(pyScalarText(true), 'true');
  assert.equal(pyScalarText(false), 'false');
});

test('compact JSON sorts keys and escapes like json.dumps(ensure_ascii=False)', () => {
  assert.equal(pyCompactJson({ b: null, a: 1 }), '{"a":1,"b":null}');
  assert.equal(pyCompactJson({}), '{}');
  assert.equal(pyCompactJson({ x: [new PyFloat(2), 1.5, true, 'é"\n\u007f'] }), '{"x":[2.0,1.5,true,"é\\"\\n\u007f"]}');
  assert.equal(pyCompactJson({ k: '😀', c: '\u0001' }), '{"c":"\\u0001","k":"😀"}');
  assert.equal(pyCompactJson({ n: { z: 1, y: 2 } }), '{"n":{"y":2,"z":1}}');
});

test('code point order puts astral characters after U+E000..U+FFFF', () => {
  assert.ok(compareCodePoints('\uffff', '😀') < 0); // UTF-16 order would say the opposite
  assert.ok(compareCodePoints('a', 'b') < 0);
  assert.ok(compareCodePoints('ab', 'a') > 0);
  assert.equal(compareCodePoints('x', 'x'), 0);
});
