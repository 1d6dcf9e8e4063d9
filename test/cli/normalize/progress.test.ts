import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { ProgressBar, progressWanted } from '../../../src/cli/normalize/progress.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

test('the bar shows the share of bytes read and the events so far, then clears its line', () => {
  const out = new Capture();
  const bar = new ProgressBar(out, 1000);
  bar.update(500, 42);
  assert.match(out.text, /^\r\[#{15}-{15}\] {2}50% 42 events$/);
  bar.update(900, 80); // throttled: within 200 ms of the last draw
  assert.doesNotMatch(out.text, /80 events/);
  bar.finish();
  assert.ok(out.text.endsWith('\r\x1b[K'));
});

test('a bar only when reading files, on a terminal, outside CI', () => {
  const saved = process.env.CI;
  try {
    delete process.env.CI;
    assert.equal(progressWanted(true, { isTTY: true }), true);
    assert.equal(progressWanted(false, { isTTY: true }), false);
    assert.equal(progressWanted(true, { isTTY: false }), false);
    assert.equal(progressWanted(true, {}), false);
    process.env.CI = 'true';
    assert.equal(progressWanted(true, { isTTY: true }), false);
  } finally {
    if (saved === undefined) delete process.env.CI;
    else process.env.CI = saved;
  }
});

test('nothing is written when the bar never drew', () => {
  const out = new Capture();
  new ProgressBar(out, 10).finish();
  assert.equal(out.text, '');
});
