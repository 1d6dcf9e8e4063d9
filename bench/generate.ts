/** Writes N input events (NDJSON, `--input json` shape) cycling over the given sample file's lines. */
import { readFileSync } from 'node:fs';
import { once } from 'node:events';

const [file, countText] = process.argv.slice(2);
const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
const total = Number(countText);
let chunk: string[] = [];
for (let i = 0; i < total; i++) {
  chunk.push(lines[i % lines.length]);
  if (chunk.length === 1000 || i === total - 1) {
    if (!process.stdout.write(chunk.join('\n') + '\n')) await once(process.stdout, 'drain');
    chunk = [];
  }
}
