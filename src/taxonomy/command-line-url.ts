/**
 * `url.original` from the first web address in `process.command_line` when the parser set no URL.
 * Only an address whose host is a name counts: one with an IP address host gives nothing.
 */
import { isDict } from '../core/values.js';
import type { Event } from './event-paths.js';

const WEB_ADDRESS = /\bhttps?:\/\/\S+/i;
const IP_HOST = /^https?:\/\/(?:[^/@\s]*@)?(?:\d{1,3}(?:\.\d{1,3}){3}|\[[^\]]*\])(?:[:/?#]|$)/i;

export function inferCommandLineUrl(event: Event): void {
  const process = event.process;
  if (!isDict(process) || typeof process.command_line !== 'string') return;
  const url = event.url;
  if (isDict(url) && (url.original !== undefined || url.full !== undefined)) return;
  if (url !== undefined && !isDict(url)) return;
  const m = WEB_ADDRESS.exec(process.command_line);
  if (m === null || IP_HOST.test(m[0])) return;
  if (isDict(url)) url.original = m[0];
  else event.url = { original: m[0] };
}
