/** Template syntax tree. */

export interface Pos {
  line: number;
  column: number;
}

export type Expr =
  | { k: 'const'; value: unknown; pos: Pos }
  | { k: 'name'; name: string; pos: Pos }
  | { k: 'getattr'; obj: Expr; name: string; pos: Pos }
  | { k: 'getitem'; obj: Expr; key: Expr; pos: Pos }
  | { k: 'slice'; start: Expr | null; stop: Expr | null; step: Expr | null; pos: Pos }
  | { k: 'call'; fn: Expr; args: Expr[]; kwargs: [string, Expr][]; dynArgs: Expr | null; dynKwargs: Expr | null; pos: Pos }
  | { k: 'filter'; node: Expr; name: string; args: Expr[]; kwargs: [string, Expr][]; dynArgs: Expr | null; dynKwargs: Expr | null; pos: Pos }
  | { k: 'test'; node: Expr; name: string; args: Expr[]; kwargs: [string, Expr][]; pos: Pos }
  | { k: 'unary'; op: 'not' | 'neg' | 'pos'; node: Expr; pos: Pos }
  | { k: 'binary'; op: string; left: Expr; right: Expr; pos: Pos }
  | { k: 'and' | 'or'; left: Expr; right: Expr; pos: Pos }
  | { k: 'compare'; first: Expr; ops: [string, Expr][]; pos: Pos }
  | { k: 'cond'; test: Expr; then: Expr; otherwise: Expr | null; pos: Pos }
  | { k: 'list' | 'tuple'; items: Expr[]; pos: Pos }
  | { k: 'dict'; pairs: [Expr, Expr][]; pos: Pos };

export type Target = { k: 'name'; name: string } | { k: 'tuple'; items: Target[] };

export type Stmt =
  | { k: 'data'; text: string }
  | { k: 'output'; expr: Expr }
  | { k: 'if'; test: Expr; body: Stmt[]; otherwise: Stmt[] }
  | { k: 'for'; target: Target; iter: Expr; filter: Expr | null; body: Stmt[]; otherwise: Stmt[] }
  | { k: 'set'; target: Target; value: Expr }
  | { k: 'setblock'; target: Target; body: Stmt[] };
