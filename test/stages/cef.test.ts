import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cefParse } from '../../src/stages/cef.js';
import { StageError } from '../../src/stages/stage.js';
import { run } from './helpers.js';

const HEADER = { CEFVersion: '0', DeviceVendor: 'Acme', DeviceProduct: 'Wall', DeviceVersion: '1.0', DeviceEventClassID: '100', Name: 'Blocked', Severity: '5' };

test('header and extension; text before CEF: is skipped', () => {
  const v = run(cefParse, '<13>Jan 1 host CEF:0|Acme|Wall|1.0|100|Blocked|5|src=10.0.0.1 dst=10.0.0.2 cs1=a b c cs1Label=Rule name');
  assert.deepEqual(v, { ...HEADER, src: '10.0.0.1', dst: '10.0.0.2', cs1: 'a b c', cs1Label: 'Rule name', 'Rule name': 'a b c' });
});

test('a labelled extension is also exposed under its label; an empty value is no key', () => {
  const v = run(cefParse, 'CEF:0|Acme|Wall|1.0|100|Blocked|5|cn2Label=Size cn2=12 c6a1= c6a1Label=addr flexString1=f flexString1Label=flex xLabel=orphan cs3Label=') as Record<string, string>;
  assert.equal(v.Size, '12');
  assert.equal(v.addr, undefined);
  assert.equal(v.c6a1, undefined);
  assert.equal(v.flex, 'f');
  assert.equal(v.cn2, '12');
  assert.equal(v.cn2Label, 'Size');
  assert.equal(v.orphan, undefined);
  assert.equal(v.xLabel, 'orphan');
  assert.equal(v[''], undefined);
});

test('the CEF: prefix is optional', () => {
  assert.deepEqual(run(cefParse, '0|Acme|Wall|1.0|100|Blocked|5|src=1'), { ...HEADER, src: '1' });
});

test('header escapes are read, header fields trimmed; extension values are kept as written and trimmed', () => {
  const v = run(cefParse, 'CEF:0|Ac\\|me|Wa\\\\ll|1.0|100| Blocked |5|msg=a\\=b c\\\\d\\nx\\r dst=  2   path=C:\\Windows\\notepad.exe') as Record<string, string>;
  assert.equal(v.DeviceVendor, 'Ac|me');
  assert.equal(v.DeviceProduct, 'Wa\\ll');
  assert.equal(v.Name, 'Blocked');
  assert.equal(v.msg, 'a\\=b c\\\\d\\nx\\r');
  assert.equal(v.dst, '2');
  assert.equal(v.path, 'C:\\Windows\\notepad.exe');
});

test('a value quoted whole loses its quotes; the first of duplicate keys wins', () => {
  const v = run(cefParse, `CEF:0|Acme|Wall|1.0|100|Blocked|5|a="x y" b='<m@x>' c="half d="in"side" e='z'\n\n msg=first msg=second`) as Record<string, string>;
  assert.equal(v.a, 'x y');
  assert.equal(v.b, '<m@x>');
  assert.equal(v.c, '"half');
  assert.equal(v.d, 'in"side');
  assert.equal(v.e, "'z'"); // the quote does not end the value: kept
  assert.equal(v.msg, 'first');
});

test('empty extension, empty values dropped, URL values with =', () => {
  assert.deepEqual(run(cefParse, 'CEF:0|Acme|Wall|1.0|100|Blocked|5|'), HEADER);
  assert.deepEqual(run(cefParse, 'CEF:0|Acme|Wall|1.0|100|Blocked|5|a= b=1'), { ...HEADER, b: '1' });
  assert.deepEqual(run(cefParse, 'CEF:0|Acme|Wall|1.0|100|Blocked|5|a="" c=   d=x'), { ...HEADER, d: 'x' });
  assert.deepEqual(run(cefParse, 'CEF:0|Acme|Wall|1.0|100|Blocked|5|request=http://x/?q\\=1 act=ok'), { ...HEADER, request: 'http://x/?q\\=1', act: 'ok' });
});

test('truncated headers and non-strings are StageErrors', () => {
  for (const bad of ['CEF:0|Acme|Wall', '', 'garbage', 'CEF:0|a|b|c|d|e\\|f']) assert.throws(() => run(cefParse, bad), StageError);
  for (const bad of [null, 1, {}]) assert.throws(() => run(cefParse, bad), StageError);
  const big = run(cefParse, 'CEF:0|a|b|c|d|e|f|msg=' + 'x '.repeat(5_000_000)) as Record<string, string>;
  assert.equal(big.msg.length, 9_999_999);
});

test('a value ending in a dangling backslash loses it; escaped backslashes at the end stay', () => {
  const v = run(cefParse, 'CEF:0|Acme|Wall|1.0|100|Blocked|5|dir=D:\\Logs\\today\\ dst=10.0.0.2 share=\\\\srv\\\\ last=E:\\') as Record<string, string>;
  assert.equal(v.dir, 'D:\\Logs\\today');
  assert.equal(v.dst, '10.0.0.2');
  assert.equal(v.share, '\\\\srv\\\\');
  assert.equal(v.last, 'E:');
});

test('an empty (or blank) header field gives no key, like an empty extension value', () => {
  const v = run(cefParse, 'CEF:0|Acme|Wall||100| |5|src=1') as Record<string, string>;
  assert.deepEqual(v, { CEFVersion: '0', DeviceVendor: 'Acme', DeviceProduct: 'Wall', DeviceEventClassID: '100', Severity: '5', src: '1' });
});
