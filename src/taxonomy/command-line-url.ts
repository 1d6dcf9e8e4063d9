/** `url.original` from the first web address in `process.command_line` when the parser set no URL. */
import { isDict } from '../core/values.js';
import type { Event } from './event-paths.js';

const WEB_ADDRESS = /\bhttps?:\/\/\S+/i;

export function inferCommandLineUrl(event: Event): void {
  const process = event.process;
  if (!isDict(process) || typeof process.command_line !== 'string') return;
  const url = event.url;
  if (isDict(url) && (url.original !== undefined || url.full !== undefined)) return;
  if (url !== undefined && !isDict(url)) return;
  const m = WEB_ADDRESS.exec(process.command_line);
  if (m === null) return;
  if (isDict(url)) url.original = m[0];
  else event.url = { original: m[0] };
}
