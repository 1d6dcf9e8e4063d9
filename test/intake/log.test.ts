import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RateLimitedLog } from '../../src/intake/log.js';

test('refusal log: one line per kind per interval, the suppressed count told on the next line', () => {
  const lines: string[] = [];
  const log = new RateLimitedLog((l) => lines.push(l), 1_000);
  for (let i = 0; i < 5; i++) log.log('http-401', `401 #${i}`, 10_000 + i);
  log.log('http-413', '413', 10_010);
  log.log('http-401', '401 later', 11_500);
  assert.deepEqual(lines, ['401 #0', '413', '401 later (+4 similar since last line)']);
});
