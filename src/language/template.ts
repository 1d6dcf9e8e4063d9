/** Compiling template sources into render / value / condition functions (rule 4.2). */
import type { Expr } from './ast.js';
import { generateCondition, generateValue } from './codegen.js';
import { compileTemplate, newCtx, type Scope } from './compiler.js';
import { isNumberedReference, keysAsText } from './dotted-reference.js';
import { TemplateRuntimeError } from './errors.js';
import { tokenize, type Token } from './lexer.js';
import { PyGenerator, PyObject } from './objects.js';
import { Parser, type LenientNote } from './parser.js';
import { parsePythonLiteral } from './python-literal.js';
import { renderedValue } from './native.js';
import { truthy, typeName } from './runtime.js';
import './methods.js';

export type { Scope } from './compiler.js';

function asRuntimeError(e: unknown): TemplateRuntimeError {
  if (e instanceof TemplateRuntimeError) return e;
  if (e instanceof RangeError) return new TemplateRuntimeError(`RecursionError: ${e.message}`);
  return new TemplateRuntimeError(e instanceof Error ? e.message : String(e));
}

export function isTemplate(source: string): boolean {
  return source.includes('{{') || source.includes('{%');
}

/** The expression of a template that is exactly one `{{ expr }}`, or null. */
function loneExpression(tokens: Token[]): Expr | null {
  if (tokens[0]?.type !== 'var_begin') return null;
  let end = -1;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!.type;
    if (t === 'var_end') {
      end = i;
      break;
    }
    if (t === 'var_begin' || t === 'block_begin' || t === 'data') return null;
  }
  if (end < 0 || tokens[end + 1]?.type !== 'eof') return null;
  const parser = new Parser(tokens.slice(0, end + 2));
  return parser.parseTemplateExpression();
}

const NO_SCOPE: Scope = Object.freeze(Object.create(null)) as Scope;

function renderer(tokens: Token[], note?: LenientNote): (scope: Scope) => string {
  const body = compileTemplate(new Parser(tokens, note).parseTemplate());
  // One context per template, reset per render; a fresh one only if a render re-enters itself.
  const shared = newCtx(NO_SCOPE);
  let busy = false;
  return (scope) => {
    const c = busy ? newCtx(scope) : shared;
    const own = c === shared;
    if (own) {
      busy = true;
      c.scope = scope;
    }
    try {
      body(c);
      return c.out;
    } catch (e) {
      throw asRuntimeError(e);
    } finally {
      if (own) {
        c.scope = NO_SCOPE; // do not keep the event alive
        c.frame = null;
        c.out = '';
        c.iterations = 0;
        busy = false;
      }
    }
  };
}

/** A lone expression (this runs for every `set` value of every event): one generated function. */
function valueEvaluator(expr: Expr, keepText: boolean): (scope: Scope) => unknown {
  const evaluate = generateValue(expr);
  return (scope) => {
    let v: unknown;
    try {
      v = evaluate(scope);
    } catch (e) {
      throw asRuntimeError(e);
    }
    if (typeof v === 'string') return keepText ? v : renderedValue(v);
    return v instanceof PyObject ? exportValue(v) : v;
  };
}

/** Internal objects (generators, match objects, views…) are not storable values. */
function exportValue(v: unknown): unknown {
  if (v instanceof PyObject) throw new TemplateRuntimeError(`unusable value of type '${typeName(v)}'${v instanceof PyGenerator ? ' (generator)' : ''}`);
  return v;
}

/** A filter's value counts as its rendered text would: the string `0` or `False` is false. */
function renderedTruth(v: unknown): boolean {
  return typeof v === 'string' ? textTruth(v) : truthy(v);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A condition's rendered text is read back as an expression: a Python literal (`False`, `None`,
 * `0`, `[]`...) is that value; a bare name is Jinja's `true`, `false`, `none` or an undefined
 * variable, so `Regular` or `null` is false (docs/catalog-rules/templates.md); any other text
 * (`session opened for root`) is true when not empty.
 */
function textTruth(text: string): boolean {
  const t = text.trim();
  const lit = parsePythonLiteral(t);
  if (lit.ok) return truthy(lit.value);
  if (NAME.test(t)) return t === 'true';
  return t !== '';
}

export function compileText(source: string, note?: LenientNote): (scope: Scope) => string {
  return renderer(tokenize(source), note);
}

/**
 * The expression of a value template that is exactly one `{{ expr }}` (what compileValue turns
 * into one generated function), or null; throws TemplateSyntaxError as compileValue does.
 */
export function parseLoneExpression(source: string): Expr | null {
  return loneValueExpression(tokenize(source.trim()));
}

function loneValueExpression(tokens: Token[]): Expr | null {
  const expr = loneExpression(tokens);
  return expr && isNumberedReference(tokens) ? keysAsText(expr) : expr;
}

export interface ValueOptions {
  /** Text stays text: a rendered `[...]` or `{...}` is not read as a Python literal. */
  readonly keepText?: boolean;
}

/** `note` hears of the constructs accepted beyond Jinja2's grammar (Parser.headerEnd). */
export function compileValue(source: string, note?: LenientNote, options: ValueOptions = {}): (scope: Scope) => unknown {
  const keepText = options.keepText === true;
  const tokens = tokenize(source.trim());
  const expr = loneValueExpression(tokens);
  if (expr) return valueEvaluator(expr, keepText);
  const render = renderer(tokens, note);
  return keepText ? render : (scope) => renderedValue(render(scope));
}

export function compileCondition(source: string, note?: LenientNote): (scope: Scope) => boolean {
  if (source.trim() === '') return () => true;
  const tokens = tokenize(source.trim());
  const expr = loneExpression(tokens);
  if (expr) return generateCondition(expr, true, renderedTruth);
  const render = renderer(tokens, note);
  return (scope) => {
    try {
      return textTruth(render(scope));
    } catch {
      return false;
    }
  };
}
