import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leefParse } from '../../src/stages/leef.js';
import { StageError } from '../../src/stages/stage.js';
import { run } from './helpers.js';

const HEADER = { DeviceVendor: 'Acme', DeviceProduct: 'Wall', DeviceVersion: '1.0', DeviceEventClassID: 'E1' };

test('LEEF 1.0: tab-separated attributes, text before LEEF: skipped', () => {
  assert.deepEqual(run(leefParse, '<13>host LEEF:1.0|Acme|Wall|1.0|E1|src=1.2.3.4\tdst=5.6.7.8\tmsg=a b=c'), {
    LEEFVersion: '1.0', ...HEADER, src: '1.2.3.4', dst: '5.6.7.8', msg: 'a b=c',
  });
});

test('LEEF 2.0: delimiter as a character, xHH, 0xHH or ^', () => {
  const expected = { LEEFVersion: '2.0', ...HEADER, a: '1', b: 'x y' };
  assert.deepEqual(run(leefParse, 'LEEF:2.0|Acme|Wall|1.0|E1|^|a=1^b=x y'), expected);
  assert.deepEqual(run(leefParse, 'LEEF:2.0|Acme|Wall|1.0|E1|x7C|a=1|b=x y'), expected);
  assert.deepEqual(run(leefParse, 'LEEF:2.0|Acme|Wall|1.0|E1|0x09|a=1\tb=x y'), expected);
  assert.deepEqual(run(leefParse, 'LEEF:2.0|Acme|Wall|1.0|E1||a=1\tb=x y'), expected);
});

test('a delimiter inside a value is kept; trailing delimiters and line ends dropped', () => {
  const v = run(leefParse, 'LEEF:2.0|Acme|Wall|1.0|E1|^|a=1^2^b=3^\n') as Record<string, string>;
  assert.equal(v.a, '1^2');
  assert.equal(v.b, '3');
});

test('truncated headers, bad delimiters and non-strings are StageErrors', () => {
  for (const bad of ['LEEF:1.0|Acme', 'LEEF:2.0|Acme|Wall|1.0|E1', 'LEEF:2.0|Acme|Wall|1.0|E1|abc|a=1', '']) {
    assert.throws(() => run(leefParse, bad), StageError, bad);
  }
  for (const bad of [null, 1, {}]) assert.throws(() => run(leefParse, bad), StageError);
});

test('LEEF 1.0: a tab escaped by syslog as #011 still separates attributes', () => {
  const v = run(leefParse, '1.0|Acme|Box|1|7|src=1.2.3.4#011in_if=LAN - 10 G#011msg=DNS request') as Record<string, string>;
  assert.equal(v.src, '1.2.3.4');
  assert.equal(v.in_if, 'LAN - 10 G');
  assert.equal(v.msg, 'DNS request');
  const two = run(leefParse, 'LEEF:2.0|Acme|Box|1|7|^|a=x#011y^b=2') as Record<string, string>;
  assert.equal(two.a, 'x#011y'); // only the tab delimiter of LEEF 1.0
});

test('attribute values are trimmed; an empty one gives no key', () => {
  const v = run(leefParse, 'LEEF:1.0|Acme|Vault|2.0|7|who= alice@example.org \tnote=\twhy=  \tsrc=10.0.0.1') as Record<string, string>;
  assert.equal(v.who, 'alice@example.org');
  assert.equal(v.src, '10.0.0.1');
  assert.equal('note' in v, false);
  assert.equal('why' in v, false);
});
