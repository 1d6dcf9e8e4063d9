/**
 * The JSON floor: the least work any JSON-in/JSON-out normalizer must do per event — read a line,
 * parse it, parse the JSON inside its message (from its first brace, so that a framed message such
 * as CEE's `@cee: {...}` counts too), serialize a result and write it. Same I/O shape as
 * `intake normalize` (chunked stdin, batched writes that respect backpressure). It reads
 * process.stdin as it comes (64 KiB pieces): reading a file on stdin in 256 KiB pieces, as
 * `intake normalize` does, measured slower for this script, and the floor keeps its fastest way.
 */
import { once } from 'node:events';

const out = process.stdout;
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
  const input = JSON.parse(line) as { message: string };
  // The JSON inside the message may follow a framing prefix (RubyCat's BOM and "@cee:" cookie):
  // it starts at the first brace. Messages without JSON cost a failed parse, as in any engine.
  const message = input.message;
  const start = message.indexOf('{');
  let inner: unknown = null;
  if (start >= 0) {
    try {
      inner = JSON.parse(start === 0 ? message : message.slice(start));
    } catch {
      inner = null;
    }
  }
  batch.push(JSON.stringify({ message: input.message, parsed: inner }));
}

for await (const chunk of process.stdin) {
  const lines = (pending + (chunk as Buffer).toString('utf8')).split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) handle(line);
  if (batch.length >= 256) await flush();
}
if (pending) handle(pending);
await flush();
