import { test } from 'node:test';
import assert from 'node:assert/strict';
import { grokCaseMatch } from '../../src/stages/grok-case-match.js';
import { StageConfigError, StageFailed, type StageCompileContext } from '../../src/stages/stage.js';

// A stand-in template compiler: `{{ key }}` reads scope.key.
const ctx: StageCompileContext = {
  compileTemplate: (source) => {
    const m = /^\{\{\s*(\w+)\s*\}\}$/.exec(source);
    if (!m) throw new Error(`bad template ${source}`);
    return (scope) => scope[m[1]!];
  },
};

const stage = grokCaseMatch.compile(
  {
    pattern_key: '{{ program }}',
    patterns: { auth: '%{ACME_USER:user} logged in', net: '%{IP:ip} %{ACME_USER:user}', '42': '%{INT:n:int}' },
    custom_patterns: { ACME_USER: '[a-z]+' },
  },
  ctx,
);

test('the rendered key selects the pattern; custom patterns are shared', () => {
  assert.deepEqual(stage.run('bob logged in', { scope: { program: 'auth' }, nowMs: 0 }), { user: 'bob' });
  assert.deepEqual(stage.run('10.0.0.1 eve', { scope: { program: 'net' }, nowMs: 0 }), { ip: '10.0.0.1', IPV6: null, IPV4: '10.0.0.1', user: 'eve' });
  assert.deepEqual(stage.run('7', { scope: { program: 42 }, nowMs: 0 }), { n: 7 }, 'keys compare as strings');
});

test('a key without a pattern, or a pattern that does not match, is a returned StageFailed', () => {
  const none = stage.run('x', { scope: { program: 'other' }, nowMs: 0 });
  assert.ok(none instanceof StageFailed && /no pattern for key "other"/.test(none.reason));
  const failed = stage.run('BOB logged in', { scope: { program: 'auth' }, nowMs: 0 });
  assert.ok(failed instanceof StageFailed && /did not match/.test(failed.reason));
});

test('configuration errors', () => {
  assert.throws(() => grokCaseMatch.compile({ patterns: {} }, ctx), StageConfigError);
  assert.throws(() => grokCaseMatch.compile({ pattern_key: '{{ k }}', patterns: { a: '%{NOPE}' } }, ctx), /unknown grok pattern/);
  assert.equal(grokCaseMatch.names[0], 'grok.case_match');
});
