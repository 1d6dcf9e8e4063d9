/** Tokens → syntax tree, following Jinja2's grammar and operator precedence. */
import type { Expr, Pos, Stmt, Target } from './ast.js';
import { TemplateSyntaxError } from './errors.js';
import type { Token } from './lexer.js';
import { LIMITS } from './limits.js';
import { pyFloat } from '../core/values.js';

const COMPARE_OPS = new Set(['==', '!=', '<', '<=', '>', '>=']);
const PRIMARY_STARTS = new Set(['name', 'string', 'int', 'float']);

/** A construct the parser accepts beyond Jinja2's grammar, because the catalog's engine does. */
export type LenientNote = (message: string) => void;

export class Parser {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly note?: LenientNote,
  ) {}

  // ------------------------------------------------------------ token helpers
  private get cur(): Token {
    return this.tokens[this.i]!;
  }
  private peek(n = 1): Token {
    return this.tokens[Math.min(this.i + n, this.tokens.length - 1)]!;
  }
  private next(): Token {
    const t = this.cur;
    if (t.type !== 'eof') this.i++;
    return t;
  }
  private isOp(v: string): boolean {
    return this.cur.type === 'op' && this.cur.value === v;
  }
  private isName(v: string): boolean {
    return this.cur.type === 'name' && this.cur.value === v;
  }
  private skipOp(v: string): boolean {
    if (this.isOp(v)) {
      this.i++;
      return true;
    }
    return false;
  }
  private skipName(v: string): boolean {
    if (this.isName(v)) {
      this.i++;
      return true;
    }
    return false;
  }
  fail(msg: string, t: Token = this.cur): never {
    throw new TemplateSyntaxError(msg, t.line, t.column);
  }
  private describe(t: Token): string {
    return t.type === 'eof' ? 'end of template' : t.type === 'var_end' || t.type === 'block_end' ? `end of statement block` : `'${t.value}'`;
  }
  private expectOp(v: string): Token {
    if (!this.isOp(v)) this.fail(`expected '${v}', got ${this.describe(this.cur)}`);
    return this.next();
  }
  private expectName(): string {
    if (this.cur.type !== 'name') this.fail(`expected name, got ${this.describe(this.cur)}`);
    return this.next().value;
  }
  private expectType(type: Token['type']): Token {
    if (this.cur.type !== type) this.fail(`expected ${type.replace('_', ' ')}, got ${this.describe(this.cur)}`);
    return this.next();
  }
  private pos(t: Token = this.cur): Pos {
    return { line: t.line, column: t.column };
  }
  private enter(): void {
    if (++this.depth > LIMITS.maxDepth) this.fail('template nesting too deep');
  }

  // ------------------------------------------------------------ templates
  parseTemplate(): Stmt[] {
    const body = this.subparse([]);
    if (this.cur.type !== 'eof') this.fail(`unexpected ${this.describe(this.cur)}`);
    return body;
  }

  /** `{{ expr }}` alone: the expression (tokens must be var_begin … var_end eof). */
  parseTemplateExpression(): Expr {
    this.expectType('var_begin');
    const e = this.parseTuple(true, [], false);
    this.expectType('var_end');
    if (this.cur.type !== 'eof') this.fail(`unexpected ${this.describe(this.cur)}`);
    return e;
  }

  /** Parse statements until a block tag whose name is in `endTags` (left unconsumed, after `{%`). */
  private subparse(endTags: string[]): Stmt[] {
    const body: Stmt[] = [];
    for (;;) {
      const t = this.cur;
      if (t.type === 'eof') {
        if (endTags.length) this.fail(`unexpected end of template, expected one of ${endTags.join(', ')}`);
        return body;
      }
      if (t.type === 'data') {
        body.push({ k: 'data', text: this.next().value });
      } else if (t.type === 'var_begin') {
        this.next();
        body.push({ k: 'output', expr: this.parseTuple(true, [], false) });
        this.expectType('var_end');
      } else if (t.type === 'block_begin') {
        const nameTok = this.peek();
        if (nameTok.type === 'name' && endTags.includes(nameTok.value)) {
          this.next();
          return body;
        }
        this.next();
        body.push(this.parseStatement());
      } else {
        this.fail(`unexpected ${this.describe(t)}`);
      }
    }
  }

  private parseStatement(): Stmt {
    const t = this.cur;
    if (t.type !== 'name') this.fail('tag name expected');
    this.enter();
    let s: Stmt;
    switch (t.value) {
      case 'if':
        this.next();
        s = this.parseIf();
        break;
      case 'for':
        this.next();
        s = this.parseFor();
        break;
      case 'set':
        this.next();
        s = this.parseSet();
        break;
      default:
        this.fail(`Encountered unknown tag '${t.value}'`);
    }
    this.depth--;
    return s;
  }

  /**
   * The end of an `if`/`elif`/`else`/`for` tag. A Python-style colon before it
   * (`{% else: %}`, `{% if x in y: %}`) is accepted and reported: the catalog's engine runs such
   * tags as if the colon were not there.
   */
  private headerEnd(tag: string): void {
    if (this.isOp(':') && this.peek().type === 'block_end') {
      const t = this.next();
      this.note?.(`a ':' ends the '${tag}' tag (line ${t.line}, column ${t.column}); it is ignored`);
    }
    this.expectType('block_end');
  }

  private endTag(name: string): void {
    // current token is the tag name (block_begin consumed by subparse)
    if (!this.isName(name)) this.fail(`expected '${name}'`);
    this.next();
    this.expectType('block_end');
  }

  private parseIf(tag = 'if'): Stmt {
    const test = this.parseTuple(false, [], false);
    this.headerEnd(tag);
    const body = this.subparse(['elif', 'else', 'endif']);
    let otherwise: Stmt[] = [];
    if (this.isName('elif')) {
      this.next();
      otherwise = [this.parseIf('elif')];
      return { k: 'if', test, body, otherwise };
    }
    if (this.isName('else')) {
      this.next();
      this.headerEnd('else');
      otherwise = this.subparse(['endif']);
    }
    this.endTag('endif');
    return { k: 'if', test, body, otherwise };
  }

  private parseFor(): Stmt {
    const target = this.parseAssignTarget(['in']);
    if (!this.skipName('in')) this.fail("expected 'in'");
    const iter = this.parseTuple(false, ['recursive'], false);
    let filter: Expr | null = null;
    if (this.skipName('if')) filter = this.parseExpression(true);
    if (this.isName('recursive')) this.fail('recursive loops are not supported');
    this.headerEnd('for');
    const body = this.subparse(['endfor', 'else']);
    let otherwise: Stmt[] = [];
    if (this.isName('else')) {
      this.next();
      this.headerEnd('else');
      otherwise = this.subparse(['endfor']);
    }
    this.endTag('endfor');
    return { k: 'for', target, iter, filter, body, otherwise };
  }

  private parseSet(): Stmt {
    const target = this.parseAssignTarget([]);
    if (this.skipOp('=')) {
      const value = this.parseTuple(true, [], false);
      this.expectType('block_end');
      return { k: 'set', target, value };
    }
    if (this.isOp('|')) this.fail('filtered block set is not supported');
    this.expectType('block_end');
    const body = this.subparse(['endset']);
    this.endTag('endset');
    return { k: 'setblock', target, body };
  }

  private parseAssignTarget(extraEnd: string[]): Target {
    const items: Target[] = [];
    let isTuple = false;
    const paren = this.skipOp('(');
    for (;;) {
      if (items.length) this.expectOp(',');
      if (this.cur.type === 'block_end' || this.isOp('=') || this.isOp(')') || (this.cur.type === 'name' && extraEnd.includes(this.cur.value))) break;
      if (this.isOp('(')) items.push(this.parseAssignTarget(extraEnd));
      else {
        const name = this.expectName();
        if (['true', 'false', 'none', 'True', 'False', 'None'].includes(name)) this.fail(`can't assign to '${name}'`);
        items.push({ k: 'name', name });
      }
      if (this.isOp(',')) isTuple = true;
      else break;
    }
    if (paren) this.expectOp(')');
    if (!items.length) this.fail('expected assignment target');
    return isTuple || (paren && items.length !== 1) ? { k: 'tuple', items } : items[0]!;
  }

  // ------------------------------------------------------------ expressions
  /** Jinja parse_tuple: `a, b` without parentheses builds a tuple. */
  parseTuple(withCondexpr: boolean, extraEnd: string[], explicitParens: boolean): Expr {
    const start = this.pos();
    const items: Expr[] = [];
    let isTuple = false;
    for (;;) {
      if (items.length) this.expectOp(',');
      if (this.isTupleEnd(extraEnd)) break;
      items.push(this.parseExpression(withCondexpr));
      if (this.isOp(',')) isTuple = true;
      else break;
    }
    if (!isTuple) {
      if (items.length) return items[0]!;
      if (!explicitParens) this.fail(`Expected an expression, got ${this.describe(this.cur)}`);
    }
    return { k: 'tuple', items, pos: start };
  }

  private isTupleEnd(extraEnd: string[]): boolean {
    const t = this.cur;
    if (t.type === 'var_end' || t.type === 'block_end' || t.type === 'eof') return true;
    if (t.type === 'op' && t.value === ')') return true;
    return t.type === 'name' && extraEnd.includes(t.value);
  }

  parseExpression(withCondexpr = true): Expr {
    this.enter();
    const e = withCondexpr ? this.parseCondexpr() : this.parseOr();
    this.depth--;
    return e;
  }

  private parseCondexpr(): Expr {
    const start = this.pos();
    let expr = this.parseOr();
    while (this.skipName('if')) {
      const test = this.parseOr();
      const otherwise = this.skipName('else') ? this.parseCondexpr() : null;
      expr = { k: 'cond', test, then: expr, otherwise, pos: start };
    }
    return expr;
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.isName('or')) {
      const p = this.pos();
      this.next();
      left = { k: 'or', left, right: this.parseAnd(), pos: p };
    }
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.isName('and')) {
      const p = this.pos();
      this.next();
      left = { k: 'and', left, right: this.parseNot(), pos: p };
    }
    return left;
  }

  private parseNot(): Expr {
    if (this.isName('not')) {
      const p = this.pos();
      this.next();
      this.enter();
      const node = this.parseNot();
      this.depth--;
      return { k: 'unary', op: 'not', node, pos: p };
    }
    return this.parseCompare();
  }

  private parseCompare(): Expr {
    const p = this.pos();
    const first = this.parseMath1();
    const ops: [string, Expr][] = [];
    for (;;) {
      if (this.cur.type === 'op' && COMPARE_OPS.has(this.cur.value)) {
        const op = this.next().value;
        ops.push([op, this.parseMath1()]);
      } else if (this.skipName('in')) {
        ops.push(['in', this.parseMath1()]);
      } else if (this.isName('not') && this.peek().type === 'name' && this.peek().value === 'in') {
        this.i += 2;
        ops.push(['notin', this.parseMath1()]);
      } else break;
    }
    return ops.length ? { k: 'compare', first, ops, pos: p } : first;
  }

  private binaryLoop(ops: string[], sub: () => Expr): Expr {
    let left = sub();
    while (this.cur.type === 'op' && ops.includes(this.cur.value)) {
      const t = this.next();
      left = { k: 'binary', op: t.value, left, right: sub(), pos: this.pos(t) };
    }
    return left;
  }

  private parseMath1(): Expr {
    return this.binaryLoop(['+', '-'], () => this.parseConcat());
  }
  private parseConcat(): Expr {
    return this.binaryLoop(['~'], () => this.parseMath2());
  }
  private parseMath2(): Expr {
    return this.binaryLoop(['*', '/', '//', '%'], () => this.parsePow());
  }
  private parsePow(): Expr {
    return this.binaryLoop(['**'], () => this.parseUnary(true));
  }

  private parseUnary(withFilter: boolean): Expr {
    this.enter();
    const t = this.cur;
    let node: Expr;
    if (this.skipOp('-')) node = { k: 'unary', op: 'neg', node: this.parseUnary(false), pos: this.pos(t) };
    else if (this.skipOp('+')) node = { k: 'unary', op: 'pos', node: this.parseUnary(false), pos: this.pos(t) };
    else node = this.parsePrimary();
    node = this.parsePostfix(node);
    if (withFilter) node = this.parseFilterExpr(node);
    this.depth--;
    return node;
  }

  private parsePrimary(): Expr {
    const t = this.cur;
    const p = this.pos(t);
    switch (t.type) {
      case 'name': {
        this.next();
        switch (t.value) {
          case 'true':
          case 'True':
            return { k: 'const', value: true, pos: p };
          case 'false':
          case 'False':
            return { k: 'const', value: false, pos: p };
          case 'none':
          case 'None':
            return { k: 'const', value: null, pos: p };
        }
        return { k: 'name', name: t.value, pos: p };
      }
      case 'string': {
        let s = this.next().literal as string;
        while (this.cur.type === 'string') s += this.next().literal as string;
        return { k: 'const', value: s, pos: p };
      }
      case 'int':
        this.next();
        return { k: 'const', value: t.literal, pos: p };
      case 'float':
        this.next();
        return { k: 'const', value: pyFloat(t.literal as number), pos: p };
      case 'op':
        if (t.value === '(') {
          this.next();
          const e = this.parseTuple(true, [], true);
          this.expectOp(')');
          return e;
        }
        if (t.value === '[') return this.parseList();
        if (t.value === '{') return this.parseDict();
    }
    this.fail(`unexpected ${this.describe(t)}`);
  }

  private parseList(): Expr {
    const p = this.pos();
    this.expectOp('[');
    const items: Expr[] = [];
    while (!this.isOp(']')) {
      if (items.length) this.expectOp(',');
      if (this.isOp(']')) break;
      items.push(this.parseExpression());
    }
    this.expectOp(']');
    return { k: 'list', items, pos: p };
  }

  private parseDict(): Expr {
    const p = this.pos();
    this.expectOp('{');
    const pairs: [Expr, Expr][] = [];
    while (!this.isOp('}')) {
      if (pairs.length) this.expectOp(',');
      if (this.isOp('}')) break;
      const key = this.parseExpression();
      this.expectOp(':');
      pairs.push([key, this.parseExpression()]);
    }
    this.expectOp('}');
    return { k: 'dict', pairs, pos: p };
  }

  private parsePostfix(node: Expr): Expr {
    for (;;) {
      if (this.isOp('.') || this.isOp('[')) node = this.parseSubscript(node);
      else if (this.isOp('(')) node = this.parseCall(node);
      else return node;
    }
  }

  private parseFilterExpr(node: Expr): Expr {
    for (;;) {
      if (this.isOp('|')) node = this.parseFilter(node);
      else if (this.isName('is')) node = this.parseTest(node);
      else if (this.isOp('(')) node = this.parseCall(node);
      else return node;
    }
  }

  private parseSubscript(node: Expr): Expr {
    const t = this.next();
    const p = this.pos(t);
    if (t.value === '.') {
      const a = this.cur;
      if (a.type === 'name') {
        this.next();
        return { k: 'getattr', obj: node, name: a.value, pos: p };
      }
      if (a.type === 'int') {
        this.next();
        return { k: 'getitem', obj: node, key: { k: 'const', value: a.literal, pos: this.pos(a) }, pos: p };
      }
      this.fail('expected name or number');
    }
    const args: Expr[] = [];
    while (!this.isOp(']')) {
      if (args.length) {
        this.expectOp(',');
        if (this.isOp(']')) break;
      }
      args.push(this.parseSubscribed());
    }
    this.expectOp(']');
    const key: Expr = args.length === 1 ? args[0]! : { k: 'tuple', items: args, pos: p };
    return { k: 'getitem', obj: node, key, pos: p };
  }

  private parseSubscribed(): Expr {
    const p = this.pos();
    let start: Expr | null = null;
    if (!this.isOp(':')) {
      start = this.parseExpression();
      if (!this.isOp(':')) return start;
    }
    this.next();
    const stop = this.isOp(']') || this.isOp(',') || this.isOp(':') ? null : this.parseExpression();
    let step: Expr | null = null;
    if (this.skipOp(':')) step = this.isOp(']') || this.isOp(',') ? null : this.parseExpression();
    return { k: 'slice', start, stop, step, pos: p };
  }

  private parseCallArgs(): { args: Expr[]; kwargs: [string, Expr][]; dynArgs: Expr | null; dynKwargs: Expr | null } {
    const t = this.expectOp('(');
    const args: Expr[] = [];
    const kwargs: [string, Expr][] = [];
    let dynArgs: Expr | null = null;
    let dynKwargs: Expr | null = null;
    let first = true;
    while (!this.isOp(')')) {
      if (!first) {
        this.expectOp(',');
        if (this.isOp(')')) break;
      }
      first = false;
      if (this.skipOp('*')) {
        if (dynArgs || dynKwargs) this.fail('invalid syntax for function call expression', t);
        dynArgs = this.parseExpression();
      } else if (this.skipOp('**')) {
        if (dynKwargs) this.fail('invalid syntax for function call expression', t);
        dynKwargs = this.parseExpression();
      } else if (this.cur.type === 'name' && this.peek().type === 'op' && this.peek().value === '=') {
        if (dynKwargs) this.fail('invalid syntax for function call expression', t);
        const key = this.next().value;
        this.next();
        kwargs.push([key, this.parseExpression()]);
      } else {
        if (dynArgs || dynKwargs || kwargs.length) this.fail('invalid syntax for function call expression', t);
        args.push(this.parseExpression());
      }
    }
    this.expectOp(')');
    return { args, kwargs, dynArgs, dynKwargs };
  }

  private parseCall(node: Expr): Expr {
    const p = this.pos();
    const c = this.parseCallArgs();
    return { k: 'call', fn: node, ...c, pos: p };
  }

  private dottedName(): string {
    let name = this.expectName();
    while (this.isOp('.')) {
      this.next();
      name += '.' + this.expectName();
    }
    return name;
  }

  private parseFilter(node: Expr): Expr {
    const p = this.pos();
    this.expectOp('|');
    const name = this.dottedName();
    const c = this.isOp('(') ? this.parseCallArgs() : { args: [], kwargs: [], dynArgs: null, dynKwargs: null };
    return { k: 'filter', node, name, ...c, pos: p };
  }

  private parseTest(node: Expr): Expr {
    const p = this.pos();
    this.next(); // is
    const negated = this.skipName('not');
    const name = this.dottedName();
    let args: Expr[] = [];
    let kwargs: [string, Expr][] = [];
    const t = this.cur;
    if (this.isOp('(')) {
      const c = this.parseCallArgs();
      args = c.args;
      kwargs = c.kwargs;
    } else if (
      (PRIMARY_STARTS.has(t.type) || (t.type === 'op' && (t.value === '(' || t.value === '[' || t.value === '{'))) &&
      !(t.type === 'name' && (t.value === 'else' || t.value === 'or' || t.value === 'and'))
    ) {
      if (this.isName('is')) this.fail('You cannot chain multiple tests with is');
      args = [this.parsePostfix(this.parsePrimary())];
    }
    const test: Expr = { k: 'test', node, name, args, kwargs, pos: p };
    return negated ? { k: 'unary', op: 'not', node: test, pos: p } : test;
  }
}
