/**
 * The generated functions of lone expressions (codegen.ts) against the closure compiler they
 * stand in for, over the whole Jinja2 differential corpus (whose value cases also run the
 * generated code against real Jinja2): same value, or the same error, for values and conditions.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Expr } from '../../src/language/ast.js';
import { generateCondition, generateValue } from '../../src/language/codegen.js';
import { compileBool, compileExpr, newCtx } from '../../src/language/compiler.js';
import { tokenize } from '../../src/language/lexer.js';
import { Parser } from '../../src/language/parser.js';
import { pyJsonLoads } from '../../src/language/pyjson.js';
import { pyRepr } from '../../src/language/runtime.js';
import { CASES } from './jinja-differential-cases.js';

type Outcome = { ok: string } | { error: string };

function outcome(run: () => unknown): Outcome {
  try {
    const v = run();
    return { ok: typeof v === 'boolean' ? String(v) : pyRepr(v) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** The expression of `{{ expr }}`, or the syntax error's message. */
function parse(template: string): Expr | string {
  try {
    return new Parser(tokenize(template)).parseTemplateExpression();
  } catch (e) {
    return (e as Error).message;
  }
}

const scope = (context: string): Record<string, unknown> => pyJsonLoads(context) as Record<string, unknown>;

test('generated values and conditions agree with the closures on every corpus expression', () => {
  let compared = 0;
  const disagreements: string[] = [];
  for (const c of CASES) {
    if (c.mode !== 'value') continue;
    const expr = parse(c.template);
    if (typeof expr === 'string') continue; // no expression to compile (the differential test checks the error)
    const checks: [string, () => () => unknown, () => () => unknown][] = [
      ['value', () => { const f = compileExpr(expr); return () => f(newCtx(scope(c.context))); }, () => { const f = generateValue(expr); return () => f(scope(c.context)); }],
      ['condition', () => { const f = compileBool(expr); return () => f(newCtx(scope(c.context))); }, () => { const f = generateCondition(expr); return () => f(scope(c.context)); }],
    ];
    for (const [kind, closure, generated] of checks) {
      // compile-time errors (unknown filter, test or operator) first, then the evaluation
      const a = outcome(() => outcome(closure()));
      const b = outcome(() => outcome(generated()));
      compared++;
      if (JSON.stringify(a) !== JSON.stringify(b)) disagreements.push(`${kind} ${c.template}: closures ${JSON.stringify(a)}, generated ${JSON.stringify(b)}`);
    }
  }
  assert.ok(compared > 10_000, `compared ${compared}`);
  assert.deepEqual(disagreements.slice(0, 20), []);
});

test('generated code evaluates operands once, in order, and short-circuits', () => {
  const s = { xs: [] as unknown[] };
  // list.append records the order of evaluation (it returns None, which is falsy)
  const run = (src: string): unknown => {
    s.xs.length = 0;
    const expr = parse(`{{ ${src} }}`);
    assert.notEqual(typeof expr, 'string');
    return generateValue(expr as Expr)(s);
  };
  run("xs.append(1) or xs.append(2) or xs.append(3)");
  assert.deepEqual(s.xs, [1, 2, 3]);
  run("xs.append(1) and xs.append(2)");
  assert.deepEqual(s.xs, [1]);
  run("(xs.append(1) or 5) < (xs.append(2) or 3) < (xs.append(3) or 9)");
  assert.deepEqual(s.xs, [1, 2], 'a chain stops at its first false comparison');
  run("[xs.append('a'), xs.append('b')] | length if xs.append('t') is none else xs.append('e')");
  assert.deepEqual(s.xs, ['t', 'a', 'b']);
});

test('a form without generated code runs its closure with the scope of each call', () => {
  const f = generateValue(parse('{{ {v: 1}[w] }}') as Expr); // a dict display: its closure
  assert.equal(f({ v: 'a', w: 'a' }), 1);
  assert.throws(() => f({ v: ['unhashable'], w: 'a' }), /unhashable type: 'list'/);
  assert.equal(f({ v: 'b', w: 'b' }), 1, 'the failed call left no scope behind');
  assert.equal(f({ v: 'b', w: 'c' }), undefined);
});
