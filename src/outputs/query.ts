/**
 * Search language → parameterized SQL over the `events` table.
 *
 *   field:value   field:"quoted value"   field:ab*c?   field:*   bare-word   "bare phrase"
 *   a AND b   a b (implicit AND)   a OR b   NOT a   ( ... )
 *
 * Values (and JSON paths) are always bound parameters; only fixed SQL fragments are concatenated.
 * Exact matches are case-sensitive; wildcard matches use LIKE and ignore ASCII case.
 * A field holding a list matches when any element matches. A bare word searches `message`.
 */

export type QueryNode =
  | { kind: 'and' | 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode }
  | { kind: 'term'; field: string | null; value: string; quoted: boolean };

export class QuerySyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuerySyntaxError';
  }
}

type Token = { t: '(' | ')' | 'AND' | 'OR' | 'NOT' } | { t: 'term'; field: string | null; value: string; quoted: boolean };

function readQuoted(text: string, start: number): [string, number] {
  let out = '';
  let i = start + 1;
  while (i < text.length && text[i] !== '"') {
    if (text[i] === '\\' && i + 1 < text.length) i++;
    out += text[i];
    i++;
  }
  if (i >= text.length) throw new QuerySyntaxError(`unterminated quote at ${start}`);
  return [out, i + 1];
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(' || c === ')') { tokens.push({ t: c }); i++; continue; }
    if (c === '"') {
      const [value, next] = readQuoted(text, i);
      tokens.push({ t: 'term', field: null, value, quoted: true });
      i = next;
      continue;
    }
    let j = i;
    while (j < text.length && !/[\s()":]/.test(text[j]!)) j++;
    const word = text.slice(i, j);
    if (text[j] === ':') {
      if (!word) throw new QuerySyntaxError(`missing field name before ':' at ${j}`);
      if (text[j + 1] === '"') {
        const [value, next] = readQuoted(text, j + 1);
        tokens.push({ t: 'term', field: word, value, quoted: true });
        i = next;
      } else {
        let k = j + 1;
        while (k < text.length && !/[\s()]/.test(text[k]!)) k++;
        const value = text.slice(j + 1, k);
        if (!value) throw new QuerySyntaxError(`missing value after '${word}:'`);
        tokens.push({ t: 'term', field: word, value, quoted: false });
        i = k;
      }
      continue;
    }
    if (word === 'AND' || word === 'OR' || word === 'NOT') tokens.push({ t: word });
    else tokens.push({ t: 'term', field: null, value: word, quoted: false });
    i = j;
  }
  return tokens;
}

export function parseQuery(text: string): QueryNode | null {
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];

  const parseOr = (): QueryNode => {
    const items = [parseAnd()];
    while (peek()?.t === 'OR') { pos++; items.push(parseAnd()); }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  };
  const parseAnd = (): QueryNode => {
    const items = [parseNot()];
    for (;;) {
      const tok = peek();
      if (tok?.t === 'AND') { pos++; items.push(parseNot()); continue; }
      if (tok && (tok.t === 'term' || tok.t === 'NOT' || tok.t === '(')) { items.push(parseNot()); continue; }
      break;
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  };
  const parseNot = (): QueryNode => {
    if (peek()?.t === 'NOT') { pos++; return { kind: 'not', item: parseNot() }; }
    return parsePrimary();
  };
  const parsePrimary = (): QueryNode => {
    const tok = tokens[pos++];
    if (!tok) throw new QuerySyntaxError('unexpected end of query');
    if (tok.t === '(') {
      const inner = parseOr();
      if (tokens[pos++]?.t !== ')') throw new QuerySyntaxError("missing ')'");
      return inner;
    }
    if (tok.t === 'term') return { kind: 'term', field: tok.field, value: tok.value, quoted: tok.quoted };
    throw new QuerySyntaxError(`unexpected '${tok.t}'`);
  };

  const node = parseOr();
  if (pos < tokens.length) throw new QuerySyntaxError(`unexpected '${tokens[pos]!.t}'`);
  return node;
}

/** Fields stored in indexed columns of the events table. */
const COLUMNS: Record<string, string> = {
  id: 'id',
  'event.id': 'id',
  format: 'format',
  'sekoiaio.intake.dialect': 'format',
  action: 'action',
  'event.action': 'action',
  status: 'status',
  'sekoiaio.intake.parsing_status': 'status',
};

function jsonPath(field: string): string {
  return '$' + field.split('.').map((k) => '."' + k.replace(/["\\]/g, (ch) => '\\' + ch) + '"').join('');
}

function hasWildcard(node: { value: string; quoted: boolean }): boolean {
  return !node.quoted && /[*?]/.test(node.value);
}

/** Glob (`*`, `?`) → LIKE pattern with `\` as escape. */
function likePattern(value: string, glob: boolean): string {
  let out = '';
  for (const ch of value) {
    if (ch === '%' || ch === '_' || ch === '\\') out += '\\' + ch;
    else if (glob && ch === '*') out += '%';
    else if (glob && ch === '?') out += '_';
    else out += ch;
  }
  return out;
}

// Text form of a json_each value: booleans as true/false, numbers as their JSON text.
const ELEMENT_TEXT = "(CASE j.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(j.value AS TEXT) END)";

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

function termSql(node: Extract<QueryNode, { kind: 'term' }>): SqlFragment {
  const glob = hasWildcard(node);
  if (node.field === null) {
    return { sql: "json_extract(events.json, '$.message') LIKE ? ESCAPE '\\'", params: ['%' + likePattern(node.value, glob) + '%'] };
  }
  const column = COLUMNS[node.field];
  if (!node.quoted && node.value === '*') {
    return column
      ? { sql: `${column} IS NOT NULL`, params: [] }
      : { sql: 'json_type(events.json, ?) IS NOT NULL', params: [jsonPath(node.field)] };
  }
  if (column) {
    return glob
      ? { sql: `${column} LIKE ? ESCAPE '\\'`, params: [likePattern(node.value, true)] }
      : { sql: `${column} = ?`, params: [node.value] };
  }
  const cmp = glob ? `${ELEMENT_TEXT} LIKE ? ESCAPE '\\'` : `${ELEMENT_TEXT} = ?`;
  return {
    sql: `EXISTS (SELECT 1 FROM json_each(events.json, ?) AS j WHERE ${cmp})`,
    params: [jsonPath(node.field), glob ? likePattern(node.value, true) : node.value],
  };
}

export function queryToSql(node: QueryNode): SqlFragment {
  switch (node.kind) {
    case 'term':
      return termSql(node);
    case 'not': {
      const inner = queryToSql(node.item);
      return { sql: `NOT (${inner.sql})`, params: inner.params };
    }
    case 'and':
    case 'or': {
      const parts = node.items.map(queryToSql);
      return {
        sql: parts.map((p) => `(${p.sql})`).join(node.kind === 'and' ? ' AND ' : ' OR '),
        params: parts.flatMap((p) => p.params),
      };
    }
  }
}
