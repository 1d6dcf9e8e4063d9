/**
 * The catalog floor: per event, parse the input line; parse the message's JSON when it is JSON,
 * else split the message into tokens with one regex split; serialize; write. Same I/O shape as
 * `intake normalize` (chunked stdin, batched writes that respect backpressure).
 */
import { once } from 'node:events';

const out = process.stdout;
const TOKENS = /[\s,;=|:"'[\]{}()<>]+/;
let pending = '';
let batch: string[] = [];

async function flush(): Promise<void> {
  if (batch.length === 0) return;
  const text = batch.join('\n') + '\n';
  batch = [];
  if (!out.write(text)) await once(out, 'drain');
}

function handle(line: string): void {
  if (line === '') return;
  const input = JSON.parse(line) as { message?: unknown };
  const message = typeof input.message === 'string' ? input.message : '';
  let parsed: unknown;
  const first = message.charCodeAt(0);
  if (first === 0x7b || first === 0x5b) {
    try {
      parsed = JSON.parse(message);
    } catch {
      parsed = message.split(TOKENS);
    }
  } else {
    parsed = message.split(TOKENS);
  }
  batch.push(JSON.stringify({ message, parsed }));
}

for await (const chunk of process.stdin) {
  const lines = (pending + (chunk as Buffer).toString('utf8')).split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) handle(line);
  if (batch.length >= 256) await flush();
}
if (pending) handle(pending);
await flush();
