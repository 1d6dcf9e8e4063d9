/**
 * What a rendered value becomes (rule 4.2, catalog-rules/templates.md "rendered values"): a text
 * that starts (after whitespace) with `[` or `{` and parses as a Python literal list or dict
 * becomes that value (items joined by bare commas, a tuple, stay text); any other text stays the text, untrimmed. Numbers, quoted strings,
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
  // Items joined by top-level commas (`{...},{...}`) are a tuple to Python, not a list: text.
  return lit.ok && !lit.bareTuple && (Array.isArray(lit.value) || isDict(lit.value)) ? lit.value : s;
}
