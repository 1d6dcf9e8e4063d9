/** basename / dirname: Windows rules when the text contains a backslash, POSIX otherwise. */
import { pyStr } from '../runtime.js';
import { registerFilter } from './registry.js';

const DRIVE = /^(?:[A-Za-z]:|[\\/]{2}[^\\/]+[\\/][^\\/]+)/;

function splitWindows(p: string): [string, string] {
  const drive = DRIVE.exec(p)?.[0] ?? '';
  const rest = p.slice(drive.length);
  let i = rest.length;
  while (i && rest[i - 1] !== '\\' && rest[i - 1] !== '/') i--;
  const head = rest.slice(0, i);
  const stripped = /^[\\/]+$/.test(head) ? head : head.slice(0, -1);
  return [drive + stripped, rest.slice(i)];
}

function splitPosix(p: string): [string, string] {
  const i = p.lastIndexOf('/') + 1;
  let head = p.slice(0, i);
  if (head && !/^\/+$/.test(head)) head = head.replace(/\/+$/, '');
  return [head, p.slice(i)];
}

function pathPart(index: 0 | 1) {
  return (v: unknown): unknown => {
    if (v === undefined || v === null) return v;
    const s = pyStr(v);
    return (s.includes('\\') ? splitWindows(s) : splitPosix(s))[index];
  };
}

registerFilter('basename', pathPart(1));
registerFilter('dirname', pathPart(0));
