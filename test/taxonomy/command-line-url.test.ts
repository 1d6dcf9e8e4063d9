import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalize } from './helpers.js';

test('the first web address of process.command_line becomes url.original when no URL is set', () => {
  const { event } = normalize({ process: { command_line: 'fetch -q (see https://docs.example.org/a/b) http://mirror.example.net/x.tgz' } });
  assert.deepEqual(event.url, {
    original: 'https://docs.example.org/a/b)',
    full: 'https://docs.example.org/a/b)',
    scheme: 'https',
    domain: 'docs.example.org',
    registered_domain: 'example.org',
    top_level_domain: 'org',
    subdomain: 'docs',
    port: 443,
    path: '/a/b)',
  });
});

test('a URL set by the parser wins; command lines without a web address give none', () => {
  const a = normalize({ process: { command_line: 'get http://one.example.com/' }, url: { original: 'http://two.example.com/' } }).event;
  assert.equal((a.url as Record<string, unknown>).original, 'http://two.example.com/');
  const b = normalize({ process: { command_line: 'copy ftp://files.example.com/x C:\\tmp' } }).event;
  assert.equal(b.url, undefined);
  const ip = normalize({ process: { command_line: 'fetch -f http://198.51.100.20/a.exe' } }).event;
  assert.equal(ip.url, undefined); // an IP address host is not taken
  const c = normalize({ process: { command_line: 'svc -u http://localhost:9996' }, url: { path: '/p' } }).event;
  assert.equal((c.url as Record<string, unknown>).original, 'http://localhost:9996');
});
