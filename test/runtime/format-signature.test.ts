import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonShape, signatureOf } from '../../src/runtime/format-signature.js';

test('a JSON body after a fixed head gives a json signature with the shared keys', () => {
  const sig = signatureOf(['\ufeff@cee: {"category": "USER", "type": "A"}', '\ufeff@cee: {"type": "B", "x": 1}']);
  assert.deepEqual(sig, { kind: 'json', head: '\ufeff@cee: ', keys: ['type'], quotedKeys: ['"type"'] });
});

test('text messages give their common prefix', () => {
  assert.deepEqual(signatureOf(['CEF:0|a', 'CEF:0|b']), { kind: 'text', prefix: 'CEF:0|' });
  assert.deepEqual(signatureOf([]), { kind: 'any' });
});

test('JSON bodies behind differing heads give a json signature with any head, when they share keys', () => {
  assert.deepEqual(signatureOf(['\ufeff@cee: {"type": "A", "severity": "INFO"}', '@cee: {"type": "B", "severity": "WARN", "x": 1}']), {
    kind: 'json',
    head: null,
    keys: ['type', 'severity'],
    quotedKeys: ['"type"', '"severity"'],
  });
  // Nothing shared: no key could tell this format's messages from any other JSON.
  assert.deepEqual(signatureOf(['a {"x": 1}', 'b {"y": 2}']), { kind: 'text', prefix: '' });
});

test('jsonShape rejects non-objects and late braces', () => {
  assert.equal(jsonShape('[1, 2]'), undefined);
  assert.equal(jsonShape('{"a": '), undefined);
  assert.equal(jsonShape('x'.repeat(100) + '{}'), undefined);
  assert.deepEqual(jsonShape('{"a": 1}'), { head: '', keys: ['a'] });
});
