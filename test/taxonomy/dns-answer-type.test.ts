import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalize } from './helpers.js';

type Obj = Record<string, any>;

test('an answer named by an address and without a type is A or AAAA', () => {
  const e = normalize({
    dns: {
      answers: [
        { name: 'alias.example.net', type: 'CNAME' },
        { name: '192.0.2.7' },
        { name: '::ffff:192.0.2.8' },
        { name: '2001:db8::1', type: 'PTR' },
        { name: 'host.example.net' },
        { data: '192.0.2.9' },
      ],
    },
  }).event as Obj;
  // Then ordered by key count, stably (docs/catalog-rules/taxonomy.md): the one-key answers first.
  assert.deepEqual(e.dns.answers, [
    { name: 'host.example.net' },
    { data: '192.0.2.9' }, // only the name is read
    { name: 'alias.example.net', type: 'CNAME' },
    { name: '192.0.2.7', type: 'A' },
    { name: '::ffff:192.0.2.8', type: 'AAAA' },
    { name: '2001:db8::1', type: 'PTR' }, // a parser's type stays
  ]);
});
