/** Jinja string filters. Most apply to str(value): None → "None", undefined → "". */
import { arg, intArg, NO_KWARGS } from '../args.js';
import { fail } from '../errors.js';
import { formatSpec, percentFormat } from '../format.js';
import { parseFloatStr } from '../numbers.js';
import { pyCapitalize, pyReplace, pyStrip } from '../methods-str.js';
import { callMethod } from '../access.js';
import { PyGenerator, PyRange, PyView } from '../objects.js';
import { asNumber, checkLength, isPyDict, pyLen, pyRepr, pyStr, strChars, strLen, toList, typeName } from '../runtime.js';
import { PyTuple } from '../../core/values.js';
import { registerFilter } from './registry.js';

const f = registerFilter;
const WORD_START_SPLIT = /([-\s({[<]+)/u;
const WORD = /[\p{L}\p{N}_]+/gu;

f('lower', (v) => pyStr(v).toLowerCase());
f('upper', (v) => pyStr(v).toUpperCase());
f('capitalize', (v) => pyCapitalize(pyStr(v)));
f('title', (v) =>
  pyStr(v)
    .split(WORD_START_SPLIT)
    .filter((x) => x)
    .map((x) => {
      const first = String.fromCodePoint(x.codePointAt(0)!);
      return first.toUpperCase() + x.slice(first.length).toLowerCase(); // Jinja uses upper(), not title case
    })
    .join(''),
);
f('trim', (v, a, k) => {
  const chars = arg(a, k, 0, 'chars', null);
  if (chars !== null && typeof chars !== 'string') fail('strip arg must be None or str');
  return pyStrip(pyStr(v), chars as string | null, true, true);
});
f('replace', (v, a, k) => {
  const count = arg(a, k, 2, 'count', null);
  return pyReplace(pyStr(v), pyStr(arg(a, k, 0, 'old')), pyStr(arg(a, k, 1, 'new')), count === null ? -1 : intArg(count, 'count'));
});
f('string', (v) => pyStr(v));
f('format', (v, a, k) => {
  const hasKw = Object.keys(k).length > 0;
  if (a.length && hasKw) fail("can't handle positional and keyword arguments at the same time");
  return percentFormat(pyStr(v), hasKw ? { ...k } : PyTuple.fromArray(a));
});

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };
const escapeHtml = (v: unknown): string => pyStr(v).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
f('escape', escapeHtml);
f('e', escapeHtml);
f('forceescape', escapeHtml);
f('safe', (v) => pyStr(v));
f('pprint', (v) => pyRepr(v, [], true));

f('center', (v, a, k) => callMethod(pyStr(v), 'center', [arg(a, k, 0, 'width', 80)], NO_KWARGS));

f('indent', (v, a, k) => {
  if (typeof v !== 'string') fail('indent requires a string');
  const width = arg(a, k, 0, 'width', 4);
  const first = arg(a, k, 1, 'first', false);
  const blank = arg(a, k, 2, 'blank', false);
  const ind = typeof width === 'string' ? width : ' '.repeat(Math.max(0, intArg(width, 'width')));
  const lines = callMethod(v + '\n', 'splitlines', [], NO_KWARGS) as string[];
  checkLength(v.length + ind.length * lines.length);
  let rv: string;
  if (blank) rv = lines.join('\n' + ind);
  else {
    rv = lines.shift() ?? '';
    if (lines.length) rv += '\n' + lines.map((l) => (l ? ind + l : l)).join('\n');
  }
  return first ? ind + rv : rv;
});

f('truncate', (v, a, k) => {
  const length = intArg(arg(a, k, 0, 'length', 255), 'length');
  const killwords = arg(a, k, 1, 'killwords', false);
  const end = pyStr(arg(a, k, 2, 'end', '...'));
  const leeway = intArg(arg(a, k, 3, 'leeway', 5), 'leeway');
  if (length < strLen(end)) fail(`expected length >= ${strLen(end)}, got ${length}`);
  if (leeway < 0) fail(`expected leeway >= 0, got ${leeway}`);
  if (pyLen(v) <= length + leeway) return v;
  if (typeof v !== 'string') fail('truncate requires a string');
  const head = strChars(v)
    .slice(0, Math.max(0, length - strLen(end)))
    .join('');
  if (killwords) return head + end;
  const k2 = head.lastIndexOf(' ');
  return (k2 < 0 ? head : head.slice(0, k2)) + end;
});

f('wordcount', (v) => (pyStr(v).match(WORD) ?? []).length);

function urlQuote(v: unknown, forQs: boolean): string {
  const s = typeof v === 'string' ? v : pyStr(v);
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9_.~-]/.test(c) || (!forQs && c === '/')) out += c;
    else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return forQs ? out.replace(/%20/g, '+') : out;
}

f('urlencode', (v) => {
  const iterable = v === undefined || Array.isArray(v) || isPyDict(v) || v instanceof PyGenerator || v instanceof PyRange || v instanceof PyView;
  if (!iterable) return urlQuote(v, false);
  const pairs: unknown[] = isPyDict(v) ? Object.keys(v).map((k) => [k, v[k]]) : toList(v);
  return pairs
    .map((p) => {
      const kv = toList(p);
      if (kv.length !== 2) fail('urlencode expects pairs');
      return `${urlQuote(kv[0], true)}=${urlQuote(kv[1], true)}`;
    })
    .join('&');
});

f('filesizeformat', (v, a, k) => {
  const n = typeof v === 'string' ? parseFloatStr(v) : asNumber(v);
  if (n === null) fail(`could not convert ${typeName(v)} to float`);
  const binary = !!arg(a, k, 0, 'binary', false);
  const base = binary ? 1024 : 1000;
  const prefixes = binary ? ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'] : ['kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
  if (n === 1) return '1 Byte';
  if (n < base) return `${Math.trunc(n)} Bytes`;
  let unit = 0;
  for (let i = 0; i < prefixes.length; i++) {
    unit = base ** (i + 2);
    if (n < unit || i === prefixes.length - 1) return `${formatSpec((base * n) / unit, '.1f')} ${prefixes[i]}`;
  }
  return '';
});

f('striptags', (v) =>
  pyStr(v)
    .replace(/<!--[\s\S]*?-->|<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#34);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#34': '"' })[e]!)
    .split(/\s+/)
    .filter((x) => x)
    .join(' '),
);

