import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormatDetector } from '../../src/runtime/format-detector.js';
import { fakeFormat } from './fake-format.js';

const jsonParse = (m: string) => {
  try {
    return { parsed: JSON.parse(m.slice(m.indexOf('{'))) as unknown };
  } catch {
    return undefined;
  }
};

test('picks the format whose test messages share the event shape', () => {
  const cee = fakeFormat('cee', jsonParse, ['@cee: {"type": "A", "category": "X"}']);
  const plain = fakeFormat('plain', jsonParse, ['{"time": 1, "resourceId": "r"}']);
  const detector = new FormatDetector([plain, cee]);
  assert.equal(detector.normalize({ message: '@cee: {"type": "B", "category": "Y"}' }).format?.slug, 'cee');
  assert.equal(detector.normalize({ message: '{"time": 2, "resourceId": "q", "x": 1}' }).format?.slug, 'plain');
});

test('falls back to trial parsing of the other formats, then reports a failure', () => {
  const words = fakeFormat('words', (m) => (/^\w+ \w+$/.test(m) ? { a: 1 } : undefined), ['hello there']);
  const rich = fakeFormat('rich', (m) => (/^\w+ \w+$/.test(m) ? { a: 1, b: 2 } : undefined), ['zzz']);
  const detector = new FormatDetector([words, rich]);
  // No format has "other words" as prefix: both are tried and the richer success wins.
  const d = detector.normalize({ message: 'other words' });
  assert.equal(d.format?.slug, 'rich', 'the success with the most fields wins');
  const none = detector.normalize({ message: 'no match here' });
  assert.equal(none.format, undefined);
  assert.match(String((none.event.sekoiaio as { intake: { parsing_error: string } }).intake.parsing_error), /no format parsed/);
});
