/**
 * What a rendered value becomes (rule 4.2, catalog-rules/templates.md "rendered values"): a text
 * that starts (after whitespace) with `[` or `{` and parses as a Python literal list, tuple or
 * dict becomes that value; any other text stays the text, untrimmed. Numbers, quoted strings,
 * True/False/None in a rendered text stay text (the catalog keeps "0x2222" and "10").
 */
import { isDict } from '../core/values.js';
import { parsePythonLiteral } from './python-literal.js';

function startsContainer(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) return true; // [ {
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) return false;
  }
  return false;
}

export function renderedValue(s: string): unknown {
  if (!startsContainer(s)) return s;
  const lit = parsePythonLiteral(s);
  return lit.ok && (Array.isArray(lit.value) || isDict(lit.value)) ? lit.value : s;
}
