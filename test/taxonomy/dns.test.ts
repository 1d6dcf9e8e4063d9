import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalize } from './helpers.js';

test('dns.question.name is split into registered domain, tld and subdomain', () => {
  const { event } = normalize({ dns: { question: { name: 'cdn.Files.example.com', type: 'A' } } });
  assert.deepEqual(event.dns, {
    question: { name: 'cdn.Files.example.com', type: 'A', registered_domain: 'example.com', top_level_domain: 'com', subdomain: 'cdn.Files' },
  });
});

test('parser-set DNS parts are kept; IPs give nothing', () => {
  const a = normalize({ dns: { question: { name: 'x.example.com', registered_domain: 'mine' } } }).event.dns as Record<string, Record<string, unknown>>;
  assert.equal(a.question.registered_domain, 'mine');
  assert.equal(a.question.subdomain, 'x');
  const b = normalize({ dns: { question: { name: '1.2.3.4' } } }).event.dns;
  assert.deepEqual(b, { question: { name: '1.2.3.4' } });
});

test('an answer without type whose name is an IP is an A or AAAA record; data IPs give nothing', () => {
  const { event } = normalize({
    dns: { answers: [{ name: 'alias.example.net', type: 'CNAME' }, { name: '192.0.2.7' }, { name: '2001:db8::1' }, { data: '192.0.2.8', name: 'host' }, { name: '192.0.2.9', type: 'PTR' }] },
  });
  assert.deepEqual((event.dns as Record<string, unknown>).answers, [
    { name: 'alias.example.net', type: 'CNAME' },
    { name: '192.0.2.7', type: 'A' },
    { name: '2001:db8::1', type: 'AAAA' },
    { data: '192.0.2.8', name: 'host' },
    { name: '192.0.2.9', type: 'PTR' },
  ]);
});

test('answers are ordered by their number of keys, keeping the order among equals', () => {
  const { event } = normalize({
    dns: { answers: [{ data: 'a.', ttl: 5, type: 'CNAME' }, { data: 'b.' }, { data: 'c.', ttl: 6 }, { data: 'd.' }] },
  });
  assert.deepEqual((event.dns as Record<string, unknown>).answers, [{ data: 'b.' }, { data: 'd.' }, { data: 'c.', ttl: 6 }, { data: 'a.', ttl: 5, type: 'CNAME' }]);
});
