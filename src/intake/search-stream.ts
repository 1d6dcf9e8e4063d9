import type { ServerResponse } from 'node:http';
import { once } from 'node:events';

/** Rows written between two turns of the event loop (so one search does not hold it). */
const ROWS_PER_TURN = 200;

/**
 * Streams NDJSON rows to the client: never more than `maxBytes` (the answer is cut at the last
 * whole row, and the `x-intake-truncated: true` trailer says so), waiting for the client to take
 * what was written (bounded memory), stopping if it goes away.
 */
export async function streamSearch(res: ServerResponse, rows: IterableIterator<string> & { close?: () => void }, maxBytes: number): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/x-ndjson', trailer: 'x-intake-truncated' });
  let bytes = 0;
  let truncated = false;
  let n = 0;
  try {
    for (const row of rows) {
      const line = row + '\n';
      const size = Buffer.byteLength(line);
      if (bytes + size > maxBytes) {
        truncated = true;
        break;
      }
      bytes += size;
      if (!res.write(line)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
      if (res.destroyed) return;
      if (++n % ROWS_PER_TURN === 0) await new Promise((r) => setImmediate(r));
      if (res.destroyed) return;
    }
  } finally {
    rows.close?.();
  }
  res.addTrailers({ 'x-intake-truncated': String(truncated) });
  res.end();
}
