import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonSyntaxError, MAX_JSON_DEPTH, formatPyFloat, parseJson, stringifyJson } from '../../src/core/json.js';
import { PyFloat } from '../../src/core/values.js';

test('plain documents parse like JSON.parse, key order kept', () => {
  const text = '{"b":1,"a":[true,false,null,"x"],"c":{"d":-2.5}}';
  const v = parseJson(text) as Record<string, unknown>;
  assert.deepEqual(v, JSON.parse(text));
  assert.deepEqual(Object.keys(v), ['b', 'a', 'c']);
});

test('a fraction longer than a double holds that rounds to an integer is a float, as in Python', () => {
  const v = parseJson('{"a":0.99999999999999999999,"b":-2.0000000000000000001,"c":0.1234567890123456789,"d":7}') as Record<string, unknown>;
  assert.ok(v.a instanceof PyFloat && v.a.value === 1);
  assert.ok(v.b instanceof PyFloat && v.b.value === -2);
  assert.equal(v.c, 0.1234567890123456789);
  assert.equal(v.d, 7);
  assert.equal(stringifyJson(v), '{"a":1.0,"b":-2.0,"c":0.12345678901234568,"d":7}');
});

test('integral floats become PyFloat, fractional floats stay numbers', () => {
  const v = parseJson('{"a":6.0,"b":1e3,"c":1.5,"d":-0.0,"e":2.50E1,"f":7,"g":"6.0"}') as Record<string, unknown>;
  assert.ok(v.a instanceof PyFloat && v.a.value === 6);
  assert.ok(v.b instanceof PyFloat && v.b.value === 1000);
  assert.equal(v.c, 1.5);
  assert.ok(v.d instanceof PyFloat);
  assert.ok(v.e instanceof PyFloat && v.e.value === 25);
  assert.equal(v.f, 7);
  assert.equal(v.g, '6.0');
});

test('digits inside strings do not trigger number handling', () => {
  const v = parseJson('{"ip":"10.0.0.1","n":"12345678901234567890","e":"1e5"}');
  assert.deepEqual(v, { ip: '10.0.0.1', n: '12345678901234567890', e: '1e5' });
});

test('integers beyond 2^53 become bigint, safe ones stay numbers', () => {
  const v = parseJson('[9007199254740991,9007199254740993,-12345678901234567890,1637681708541881380]') as unknown[];
  assert.deepEqual(v, [9007199254740991, 9007199254740993n, -12345678901234567890n, 1637681708541881380n]);
});

test('unicode escapes incl. surrogate pairs and escaped quotes', () => {
  assert.equal(parseJson('"\\u00e9\\ud83d\\ude00 \\"q\\" \\\\ \\/ \\n"'), 'é😀 "q" \\ / \n');
  // same through the slow path (a PyFloat elsewhere in the document forces it)
  assert.deepEqual(parseJson('["\\ud83d\\ude00\\t",1.0]'), ['😀\t', new PyFloat(1)]);
  assert.equal(parseJson('"a\\\\"'), 'a\\');
});

test('__proto__ keys are own properties and do not change the prototype', () => {
  for (const text of ['{"__proto__":{"x":1}}', '{"__proto__":{"x":1},"f":1.0}']) {
    const v = parseJson(text) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(v), Object.prototype);
    assert.ok(Object.prototype.hasOwnProperty.call(v, '__proto__'));
    assert.equal((v as { x?: unknown }).x, undefined);
  }
});

test('malformed input throws JsonSyntaxError with a position', () => {
  const bad = ['{"a":1', '{"a":1,}', '[1,2', '"abc', '{"a" 1}', 'tru', '01', '1.', '1e', '-', '{"a":1} x', '', '"a\u0001b"', '"\\x"', '"\\u12"', '[1.0,'];
  for (const text of bad) {
    assert.throws(() => parseJson(text), (err: unknown) => err instanceof JsonSyntaxError && typeof err.position === 'number', text);
  }
});

test('deep nesting throws a clean error instead of overflowing the stack', () => {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  assert.throws(() => parseJson(deep), JsonSyntaxError);
  const deepObj = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
  assert.throws(() => parseJson(deepObj), JsonSyntaxError);
  const ok = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
  assert.ok(Array.isArray(parseJson(ok)));
});

test('replacement characters from invalid UTF-8 are kept; large inputs parse', () => {
  assert.equal(parseJson('"a\uFFFDb"'), 'a\uFFFDb');
  const big = JSON.stringify({ s: 'x'.repeat(10_000_000), n: 1.0 });
  assert.equal((parseJson(big) as { s: string }).s.length, 10_000_000);
  assert.throws(() => parseJson('"' + 'x'.repeat(10_000_000)), JsonSyntaxError);
});

test('stringifyJson prints compact JSON with Python numbers', () => {
  const value = { a: new PyFloat(6), b: 1.5, c: 12345678901234567890n, d: [1, undefined, null], e: undefined, f: 'é"\n', g: NaN, h: new PyFloat(Infinity), i: {} };
  assert.equal(stringifyJson(value), '{"a":6.0,"b":1.5,"c":12345678901234567890,"d":[1,null,null],"f":"é\\"\\n","g":null,"h":null,"i":{}}');
  assert.equal(stringifyJson('\ud800'), '"\\ud800"');
  assert.equal(stringifyJson(undefined), 'null');
  assert.equal(stringifyJson(parseJson('{"x":[6.0,1e400,0.1]}')), '{"x":[6.0,null,0.1]}');
});

test('round trip keeps PyFloat and bigint', () => {
  const text = '{"a":6.0,"b":[9007199254740993,-1.25],"c":"s"}';
  assert.equal(stringifyJson(parseJson(text)), text);
});

test('Python float repr', () => {
  assert.equal(formatPyFloat(6), '6.0');
  assert.equal(formatPyFloat(1e16), '1e+16');
  assert.equal(formatPyFloat(1.5e16), '1.5e+16');
  assert.equal(formatPyFloat(0.0001), '0.0001');
  assert.equal(formatPyFloat(0.00001), '1e-05');
  assert.equal(formatPyFloat(-2.5e-7), '-2.5e-07');
  assert.equal(formatPyFloat(123.456), '123.456');
  assert.equal(formatPyFloat(1e300), '1e+300');
  assert.equal(stringifyJson([0.00001, 1e21]), '[1e-05,1000000000000000000000]');
});

test('the fast path never loses a Python number, wherever it stands', () => {
  const cases: [string, unknown][] = [
    ['{"a": 6.0}', { a: new PyFloat(6) }],
    ['[6.00]', [new PyFloat(6)]],
    ['6.0', new PyFloat(6)],
    ['{"a": 1e3, "b": "x"}', { a: new PyFloat(1000), b: 'x' }],
    ['{"a":1.5e3}', { a: new PyFloat(1500) }],
    ['{"id": 12345678901234567890}', { id: 12345678901234567890n }],
    ['{"ip": "10.0.0.0", "v": "1.0", "h": "3e5f"}', { ip: '10.0.0.0', v: '1.0', h: '3e5f' }],
  ];
  for (const [text, expected] of cases) assert.deepEqual(parseJson(text), expected, text);
  // Deep nesting after a long harmless prefix still takes the bounded path.
  assert.throws(() => parseJson('['.repeat(5000) + ']'.repeat(5000)), JsonSyntaxError);
});

test('Python numbers after any whitespace or separator are found; hex and version strings are plain', () => {
  const ws = ['', ' ', '\n', '\t', '\r\n  '];
  const numbers: [string, unknown][] = [
    ['6.0', new PyFloat(6)], ['-6.000', new PyFloat(-6)], ['1E5', new PyFloat(100000)], ['-2.5e-1', -0.25],
    ['1.5e3', new PyFloat(1500)], ['1234567890123456', 1234567890123456], ['12345678901234567', 12345678901234567n],
    ['-12345678901234567', -12345678901234567n], ['6.5', 6.5], ['7', 7],
  ];
  for (const [token, value] of numbers) {
    for (const a of ws) {
      for (const b of ws) {
        assert.deepEqual(parseJson(`${a}${token}${b}`), value, token);
        assert.deepEqual(parseJson(`{"k":${a}${token}${b}}`), { k: value }, token);
        assert.deepEqual(parseJson(`[1,${a}${token}${b}]`), [1, value], token);
        assert.deepEqual(parseJson(`[${a}${token}${b},2]`), [value, 2], token);
      }
    }
  }
  const text = '{"Keywords": "0x8000000000000000", "v": "AV: 1.407.421.0, AS: 1.0", "n": 5}';
  assert.deepEqual(parseJson(text), { Keywords: '0x8000000000000000', v: 'AV: 1.407.421.0, AS: 1.0', n: 5 });
  // A rejected look-alike inside a string does not hide a real one after it.
  const mixed = '{"a": "x1.0, 0x12345678901234567", "b": [10.5e3, 6.0]}';
  assert.deepEqual(parseJson(mixed), { a: 'x1.0, 0x12345678901234567', b: [new PyFloat(10500), new PyFloat(6)] });
});

test('16-digit integers: exact numbers up to 2^53 - 1, bigints above', () => {
  const v = parseJson('{"a":9007199254740991,"b":9007199254740993,"c":-1434780527372168,"d":1434780527372168.5}') as Record<string, unknown>;
  assert.equal(v.a, 9007199254740991);
  assert.equal(v.b, 9007199254740993n);
  assert.equal(v.c, -1434780527372168);
  assert.equal(v.d, 1434780527372168.5);
});
