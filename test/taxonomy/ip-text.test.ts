import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalIp } from '../../src/taxonomy/ip-text.js';

test('canonicalIp writes IPv6 as Python ipaddress does (Python 3.13: mapped IPv4 stays dotted)', () => {
  const cases: [string, string][] = [
    ['0000:111:222:3333:4444:5555:6666:7777', '0:111:222:3333:4444:5555:6666:7777'],
    ['A0B1::C2D3:E4F5:0123:ABCD', 'a0b1::c2d3:e4f5:123:abcd'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'], // the longest run of zeros
    ['1:0:0:2:0:0:3:4', '1::2:0:0:3:4'], // the first of equal runs
    ['1::2:3:4:5:6:7', '1:0:2:3:4:5:6:7'], // a single zero group is not compressed
    ['::', '::'],
    ['::1', '::1'],
    ['fe80::0001%eth0', 'fe80::1%eth0'],
    ['::ffff:1.2.3.4', '::ffff:1.2.3.4'],
    ['::FFFF:0102:0304', '::ffff:1.2.3.4'], // mapped, written in hex
    ['::ffff:0', '::ffff:0'], // 0:0:0:0:0:0:ffff:0 is not a mapped address
    ['64:ff9b::1.2.3.4', '64:ff9b::102:304'], // other embedded quads are hex groups
    ['::1.2.3.4', '::102:304'],
    ['10.0.0.1', '10.0.0.1'],
  ];
  for (const [input, expected] of cases) assert.equal(canonicalIp(input), expected, input);
});
