import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitUrl } from '../../src/taxonomy/index.js';
import { normalize } from './helpers.js';

function url(fields: Record<string, unknown>): Record<string, unknown> {
  return normalize({ url: fields }).event.url as Record<string, unknown>;
}

test('splitUrl follows RFC 3986 / urlsplit, not WHATWG', () => {
  assert.deepEqual(splitUrl('HTTPS://User:pw@WWW.Example.COM:8443/a/b?x=1&y#frag'), {
    scheme: 'https', host: 'www.example.com', port: 8443, path: '/a/b', query: 'x=1&y',
  });
  assert.deepEqual(splitUrl('C:\\dir\\f.exe'), { scheme: 'c', host: '', port: undefined, path: '\\dir\\f.exe', query: '' });
  assert.deepEqual(splitUrl('example.org/x'), { scheme: '', host: '', port: undefined, path: 'example.org/x', query: '' });
  assert.deepEqual(splitUrl('http://[2001:db8::1]:8080/'), { scheme: 'http', host: '2001:db8::1', port: 8080, path: '/', query: '' });
  assert.deepEqual(splitUrl('10.0.0.1:8080/p').scheme, ''); // "10.0.0.1" is no valid scheme
});

test('url.full: parts, default port and domain split', () => {
  assert.deepEqual(url({ full: 'https://www.example.co.uk/login?next=%2F' }), {
    full: 'https://www.example.co.uk/login?next=%2F', scheme: 'https', domain: 'www.example.co.uk', port: 443,
    path: '/login', query: 'next=%2F', registered_domain: 'example.co.uk', top_level_domain: 'co.uk', subdomain: 'www',
  });
});

test('url.original: copied to url.full only for http(s) with a host', () => {
  assert.equal(url({ original: 'http://a.example.com:8080/' }).full, 'http://a.example.com:8080/');
  assert.equal(url({ original: 'http://a.example.com:8080/' }).port, 8080);
  const odd = url({ original: 'hxxp://evil.example.net/x' });
  assert.deepEqual(odd, {
    original: 'hxxp://evil.example.net/x', scheme: 'hxxp', domain: 'evil.example.net', path: '/x',
    registered_domain: 'example.net', top_level_domain: 'net', subdomain: 'evil',
  });
  assert.deepEqual(url({ original: '/index.html?a=b' }), { original: '/index.html?a=b', path: '/index.html', query: 'a=b' });
});

test('url.full is split in preference to url.original', () => {
  const out = url({ full: 'https://full.example.com/f', original: '/o' });
  assert.equal(out.domain, 'full.example.com');
  assert.equal(out.path, '/f');
});

test('default port from an existing url.scheme when the string has none', () => {
  assert.equal(url({ original: '//host.example.com/p', scheme: 'https' }).port, 443);
  assert.equal(url({ scheme: 'https' }).port, undefined); // no URL string: no default port
});

test('parser values are never overwritten', () => {
  const out = url({ original: 'https://a.example.com/x', domain: 'Mine.Example.com', port: 1, path: '/mine', scheme: 'ftp' });
  assert.deepEqual(out, {
    original: 'https://a.example.com/x', domain: 'Mine.Example.com', port: 1, path: '/mine', scheme: 'ftp',
    full: 'https://a.example.com/x', registered_domain: 'example.com', top_level_domain: 'com', subdomain: 'a',
  });
});

test('without a URL string, a parser-set url.domain is split; with a host-less string it is not', () => {
  assert.deepEqual(url({ domain: 'a.Example.com' }), { domain: 'a.Example.com', registered_domain: 'Example.com', top_level_domain: 'com', subdomain: 'a' });
  assert.deepEqual(url({ original: 'example.org/x', domain: 'example.org' }), { original: 'example.org/x', domain: 'example.org', path: 'example.org/x' });
});
