import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffEvents, formatDifferences } from '../../src/testing/diff.js';

test('reports missing, extra and changed fields by dotted path', () => {
  const expected = { event: { kind: 'event', severity: 30 }, source: { ip: '1.2.3.4' }, tags: ['a'] };
  const actual = { event: { kind: 'event', severity: '30' }, destination: { ip: '5.6.7.8' }, tags: ['b'] };
  const diffs = diffEvents(expected, actual);
  assert.deepEqual(
    diffs.map((d) => [d.kind, d.path]),
    [
      ['extra', 'destination'],
      ['changed', 'event.severity'],
      ['missing', 'source'],
      ['changed', 'tags'],
    ],
  );
  const lines = formatDifferences(diffs);
  assert.equal(lines[1], 'changed  event.severity: expected 30, got "30"');
});

test('lists of objects are diffed element by element', () => {
  const diffs = diffEvents({ items: [{ a: 1 }, { a: 2 }] }, { items: [{ a: 1 }, { a: 3 }] });
  assert.deepEqual(diffs, [{ kind: 'changed', path: 'items[1].a', expected: 2, actual: 3 }]);
});

test('equal events give no difference', () => {
  assert.deepEqual(diffEvents({ a: [1, 2], message: 'm' }, { a: [2, 1], message: 'other' }), []);
});
