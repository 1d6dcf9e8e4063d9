import { compilePattern } from '../../src/regex/index.js';
const c = compilePattern('^(a+)+$');
console.log(c.linear);
const bad = 'a'.repeat(28) + '!';
let t = Date.now();
console.log(/^(a+)+$/.exec(bad), Date.now() - t);
