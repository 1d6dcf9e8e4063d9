import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseUserAgent } from '../../src/taxonomy/index.js';
import { uapRules } from '../../src/taxonomy/uap-rules.js';
import { normalize } from './helpers.js';

const CHROME_WIN = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const SAFARI_IOS = 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.5 Mobile/15E148 Safari/604.1';
const ANDROID = 'Mozilla/5.0 (Linux; Android 13; SM-S908B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/112.0.0.0 Mobile Safari/537.36';

test('every uap-core 0.18.0 rule compiles as a JS RegExp', () => {
  const rules = uapRules();
  assert.deepEqual(rules.skipped, []);
  assert.ok(rules.userAgent.length > 300 && rules.os.length > 150 && rules.device.length > 500);
});

test('user_agent.* fields from user_agent.original', () => {
  const { event } = normalize({ user_agent: { original: CHROME_WIN } });
  assert.deepEqual(event.user_agent, {
    original: CHROME_WIN, name: 'Chrome', version: '120.0.0', os: { name: 'Windows', version: '10' }, device: { name: 'Other' },
  });
});

test('replacements with $N placeholders (device brand/model, iOS version)', () => {
  assert.deepEqual(parseUserAgent(SAFARI_IOS), { name: 'Mobile Safari', version: '16.5', osName: 'iOS', osVersion: '16.5', deviceName: 'iPhone' });
  assert.deepEqual(parseUserAgent(ANDROID), { name: 'Chrome Mobile', version: '112.0.0', osName: 'Android', osVersion: '13', deviceName: 'Samsung SM-S908B' });
  assert.equal(parseUserAgent('python-requests/2.31.0').name, 'Python Requests');
});

test('unknown agents give Other and no versions', () => {
  assert.deepEqual(parseUserAgent('-'), { name: 'Other', version: undefined, osName: 'Other', osVersion: undefined, deviceName: 'Other' });
});

test('C9: the parse overwrites the parser\'s name, version, os and device; other keys stay', () => {
  const { event } = normalize({
    user_agent: { original: CHROME_WIN, name: 'MyBrowser', version: '120.0.0.1', os: { version: '11', type: 'desktop' } },
  });
  assert.deepEqual(event.user_agent, {
    original: CHROME_WIN, name: 'Chrome', version: '120.0.0', os: { version: '10', name: 'Windows', type: 'desktop' }, device: { name: 'Other' },
  });
  const other = normalize({ user_agent: { original: '-', name: 'junk', version: '1.2', os: { name: 'Windows 11', version: '11' } } }).event;
  assert.deepEqual(other.user_agent, { original: '-', name: 'Other', os: { name: 'Other' }, device: { name: 'Other' } });
});

test('repeated agents come from the cache with the same result', () => {
  const first = parseUserAgent(ANDROID);
  assert.equal(parseUserAgent(ANDROID), first);
});
