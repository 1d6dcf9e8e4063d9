import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormatDetector } from '../../src/runtime/format-detector.js';
import { FormatIndex, messageTerms } from '../../src/runtime/format-index.js';
import { fakeFormat } from './fake-format.js';

test('messageTerms: words, neighbouring pairs and the punctuation shape of the start', () => {
  const terms = messageTerms('Accepted password for root from 10.0.0.1');
  for (const t of ['accepted', 'password', 'accepted password', 'for root', 'from']) assert.ok(terms.has(t), t);
  assert.ok(terms.has('^a a a a a a.'));
  assert.ok(!terms.has('10'), 'numbers are no words');
});

test('FormatIndex ranks the format whose samples share the rarest terms first', () => {
  const index = FormatIndex.build([
    ['sshd accepted password for root', 'sshd session opened for user bob'],
    ['CEF:0|Acme|Firewall|1|100|blocked|5|src=1.2.3.4 dst=5.6.7.8', 'CEF:0|Acme|Firewall|1|101|allowed|3|src=1.1.1.1'],
    ['CEF:0|Other|Proxy|2|7|url blocked|5|request=http://x'],
  ]);
  assert.deepEqual(index.rank('sshd accepted publickey for alice', 3)[0], 0);
  assert.deepEqual(index.rank('CEF:0|Acme|Firewall|1|100|blocked|5|src=9.9.9.9', 3)[0], 1);
  assert.deepEqual(index.rank('CEF:0|Other|Proxy|2|7|url blocked|5|request=http://y', 1), [2]);
  assert.deepEqual(index.rank('zzz qqq', 3), [], 'no shared term: no candidate');
});

test('with many formats, the likeliest that parses wins and a failure names no format', () => {
  const never = () => undefined;
  const formats = Array.from({ length: 10 }, (_, i) => fakeFormat(`noise${i}`, never, [`noise${i} value${i} other${i}`]));
  const ssh = fakeFormat('ssh', (m) => (m.startsWith('sshd') ? { ok: 1 } : undefined), ['sshd accepted password for root']);
  // Looks like ssh's samples but refuses: the next likeliest that parses is taken.
  const picky = fakeFormat('picky', never, ['sshd accepted password for root from host']);
  const detector = new FormatDetector([...formats, picky, ssh]);
  assert.equal(detector.normalize({ message: 'sshd accepted password for admin from host' }).format?.slug, 'ssh');
  const none = detector.normalize({ message: 'noise3 value3 other3' });
  assert.equal(none.format, undefined);
  const intake = (none.event.sekoiaio as { intake: Record<string, unknown> }).intake;
  assert.equal(intake.parsing_status, 'failure');
  assert.equal(intake.dialect, undefined, 'no format that did not parse it is named');
});
