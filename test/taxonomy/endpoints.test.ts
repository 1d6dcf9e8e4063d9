import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalize } from './helpers.js';

test('address from domain (with domain split) for source and destination', () => {
  const { event } = normalize({
    source: { domain: 'mail.Example.com', ip: '1.2.3.4' },
    destination: { domain: 'aws.internal' },
  });
  assert.deepEqual(event.source, {
    domain: 'mail.Example.com', ip: '1.2.3.4', address: 'mail.Example.com',
    registered_domain: 'Example.com', top_level_domain: 'com', subdomain: 'mail',
  });
  assert.deepEqual(event.destination, { domain: 'aws.internal', address: 'aws.internal', subdomain: 'aws' });
});

test('address from ip when there is no domain; a list is copied as a list', () => {
  const { event } = normalize({ source: { ip: ['1.1.1.1', '2.2.2.2'] }, client: { ip: '3.3.3.3' } });
  assert.deepEqual((event.source as Record<string, unknown>).address, ['1.1.1.1', '2.2.2.2']);
  assert.deepEqual(event.client, { ip: '3.3.3.3', address: '3.3.3.3' });
});

test('client domains are split like source ones; server, host and observer get no address', () => {
  const { event } = normalize({ client: { domain: 'pc.corp.example.com' }, server: { ip: '4.4.4.4' }, host: { ip: '5.5.5.5' }, observer: { ip: '6.6.6.6' } });
  assert.deepEqual(event.client, {
    domain: 'pc.corp.example.com', address: 'pc.corp.example.com',
    registered_domain: 'example.com', top_level_domain: 'com', subdomain: 'pc.corp',
  });
  assert.deepEqual(event.server, { ip: '4.4.4.4' });
  assert.deepEqual(event.host, { ip: '5.5.5.5' });
  assert.deepEqual(event.observer, { ip: '6.6.6.6' });
});

test('a parser-set address is kept and the domain is then not split', () => {
  const { event } = normalize({ source: { address: 'www.example.com', domain: 'www.example.com' }, destination: { address: 'x', domain: 'a.example.com' } });
  assert.deepEqual(event.source, { address: 'www.example.com', domain: 'www.example.com' });
  assert.deepEqual(event.destination, { address: 'x', domain: 'a.example.com' });
});

test('parser-set domain parts are not overwritten', () => {
  const { event } = normalize({ source: { domain: 'a.b.example.com', subdomain: 'mine' } });
  assert.deepEqual(event.source, { domain: 'a.b.example.com', subdomain: 'mine', address: 'a.b.example.com', registered_domain: 'example.com', top_level_domain: 'com' });
});
