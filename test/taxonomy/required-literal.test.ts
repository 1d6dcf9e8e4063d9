import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requiredLiteral } from '../../src/taxonomy/required-literal.js';
import { parseUserAgent } from '../../src/taxonomy/user-agent.js';

test('the longest literal run every match contains', () => {
  assert.equal(requiredLiteral('(Zorbit Browser)/(\\d+)\\.(\\d+)', false), 'Zorbit Browser');
  assert.equal(requiredLiteral('Quux\\/(\\d+)', true), 'quux/');
  assert.equal(requiredLiteral('ab?cdef', false), 'cdef');
  assert.equal(requiredLiteral('x+yz{2}w', false), 'yz');
  assert.equal(requiredLiteral('(?:Frob|Blat)tastic', false), 'tastic');
});

test('optional parts, alternatives, classes, lookarounds and unknown escapes give nothing', () => {
  assert.equal(requiredLiteral('(Frob|Blat)', false), undefined);
  assert.equal(requiredLiteral('(?:Longword)?x', false), 'x');
  assert.equal(requiredLiteral('[Longword]+', false), undefined);
  assert.equal(requiredLiteral('(?=Longword)\\d', false), undefined);
  assert.equal(requiredLiteral('\\x41BCD', false), undefined);
  assert.equal(requiredLiteral('a{x}', false), undefined);
  assert.equal(requiredLiteral('abc|', false), undefined);
});

test('user agents parse the same with rules skipped by their literal', () => {
  const info = parseUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36');
  assert.equal(info.name, 'Chrome');
  assert.equal(info.version, '120.0.0');
  assert.equal(info.osName, 'Windows');
  assert.equal(parseUserAgent('curl/7.1.2').name, 'curl');
  assert.equal(parseUserAgent('CURL/7.1.2').name, 'Other'); // that rule is case-sensitive
});
