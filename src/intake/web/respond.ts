import type { ServerResponse } from 'node:http';
import { stringifyJson } from '../../core/json.js';

/** A JSON answer; Python-typed values of events (6.0, big integers) keep their form. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = stringifyJson(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
  });
  res.end(text);
}
