import { compilePattern, translatePattern } from '../../src/regex/index.js';
for (const p of ['(?P<a>x)|(?P<a>y)', '(?i)ab[c-e]', '(?>a+)b', 'a*+b', 'x{,3}', '\\s+\\h[[:alpha:]]', '^(?<![0-9])(a+)+$', 'foo$']) {
  const t = translatePattern(p, { fullMatch: true });
  console.log(p, '=>', t.source, JSON.stringify(t.groups));
}
const c = compilePattern('(?P<a>x)?(?P<a>y)?', { fullMatch: true });
console.log(c.exec('xy'), c.exec('x'), c.linear);
let t = Date.now();
const bad = 'a'.repeat(40) + '!';
console.log(compilePattern('^(a+)+$').exec(bad), Date.now() - t); t = Date.now();
console.log(compilePattern('^(?<![0-9])(a+)+$').exec(bad), Date.now() - t); t = Date.now();
try { console.log(compilePattern('^(a+)+(?<!a)$').exec('a'.repeat(40))); } catch (e) { console.log(String(e)); } console.log(Date.now() - t);
