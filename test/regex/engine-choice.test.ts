import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineChoice, OTHER, TIMED } from '../../src/regex/engine-choice.js';

/** Runs `calls` choices with made-up times per engine; counts the calls given to the other engine. */
function drive(choice: EngineChoice, calls: number, v8Ms: number, otherMs: number, hasOther = true): number {
  let other = 0;
  for (let i = 0; i < calls; i++) {
    const c = choice.next(hasOther);
    if ((c & OTHER) !== 0) other++;
    if ((c & TIMED) !== 0) choice.record(c, (c & OTHER) !== 0 ? otherMs : v8Ms);
  }
  return other;
}

test('a pattern that is fast on V8 never runs on the other engine', () => {
  const choice = new EngineChoice();
  assert.equal(drive(choice, 5000, 0.002, 0.0001), 0);
  assert.equal(choice.other, false);
});

test('where V8 is slow and the other engine cheaper, calls move to the other engine', () => {
  const choice = new EngineChoice();
  const other = drive(choice, 5000, 2, 0.3);
  assert.equal(choice.other, true);
  assert.ok(other > 4000, `${other} of 5000 calls on the other engine`);
});

test('where V8 is slow but the other engine slower, calls stay on V8 after a few trials', () => {
  const choice = new EngineChoice();
  const other = drive(choice, 5000, 0.2, 1);
  assert.equal(choice.other, false);
  assert.ok(other < 500, `${other} of 5000 calls on the other engine`);
});

test('the choice follows a change of inputs, and never picks an engine that cannot run', () => {
  const choice = new EngineChoice();
  drive(choice, 3000, 2, 0.3);
  assert.equal(choice.other, true);
  drive(choice, 3000, 0.1, 0.3);
  assert.equal(choice.other, false);
  assert.equal(drive(new EngineChoice(), 3000, 2, 0.3, false), 0);
});

test('the first calls (the first one compiles the regex) are neither timed nor sent elsewhere', () => {
  const choice = new EngineChoice();
  for (let i = 0; i < 16; i++) assert.equal(choice.next(true), 0);
});
