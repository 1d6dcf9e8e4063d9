/**
 * `npm run bench:auto -- DIR [--report FILE]`: --format auto over every format of a tree (a
 * catalog), on the test inputs of all its formats shuffled together (their `sekoiaio` metadata
 * removed, so nothing but the event itself tells the format). Prints how many events got their
 * own format (the expected dialect_uuid is the format's manifest uuid), events per second with 3
 * formats and with the whole tree, and the confusion: which formats took which others' events.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findFormatDirs, loadBuiltinFormats, loadFormat } from '../src/index.js';
import type { Format, InputEvent } from '../src/index.js';
import { FormatDetector } from '../src/runtime/format-detector.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { report: { type: 'string' }, taxonomy: { type: 'string', multiple: true } } });
if (positionals.length !== 1) {
  console.error('usage: npm run bench:auto -- DIR [--report FILE.json] [--taxonomy FILE]...');
  process.exit(2);
}

/** A deterministic shuffle (the same order every run). */
function shuffle<T>(items: T[]): T[] {
  let seed = 42;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function run(detector: FormatDetector, events: { input: InputEvent; owner: Format }[]) {
  const started = process.hrtime.bigint();
  const confusion = new Map<string, number>();
  let found = 0;
  let failed = 0;
  for (const { input, owner } of events) {
    const { format } = detector.normalize(input);
    if (format === undefined) failed += 1;
    if (format?.uuid === owner.uuid) found += 1;
    else {
      const key = `${owner.dir} -> ${format?.dir ?? '(no format)'}`;
      confusion.set(key, (confusion.get(key) ?? 0) + 1);
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { found, failed, total: events.length, seconds, confusion: [...confusion].sort((a, b) => b[1] - a[1]) };
}

const formats: Format[] = [];
const loading = process.hrtime.bigint();
for (const dir of findFormatDirs(positionals[0])) {
  try {
    formats.push(loadFormat(dir, { taxonomyFiles: values.taxonomy }));
  } catch (err) {
    console.error(`skipped ${dir}: ${(err as Error).message.split('\n')[0]}`);
  }
}
const loadSeconds = Number(process.hrtime.bigint() - loading) / 1e9;
const events = shuffle(
  formats.flatMap((owner) =>
    owner.loadTests().map((t) => {
      const input = { ...t.input } as InputEvent & { sekoiaio?: unknown };
      delete input.sekoiaio;
      return { input, owner };
    }),
  ),
);
const building = process.hrtime.bigint();
const detector = new FormatDetector(formats);
const buildSeconds = Number(process.hrtime.bigint() - building) / 1e9;
run(detector, events.slice(0, 200)); // warm-up
const tree = run(detector, events);
// The same events, each normalized by its own format: what detection adds is the difference.
const direct = process.hrtime.bigint();
for (const { input, owner } of events) owner.normalize(input);
const directRate = events.length / (Number(process.hrtime.bigint() - direct) / 1e9);

const builtins = loadBuiltinFormats();
const builtinEvents = shuffle(builtins.flatMap((owner) => owner.loadTests().map((t) => ({ input: t.input, owner }))));
const few = new FormatDetector(builtins);
run(few, builtinEvents);
const three = run(few, builtinEvents);

const pct = (n: number, d: number) => ((100 * n) / d).toFixed(1);
console.log(`formats: ${formats.length} loaded in ${loadSeconds.toFixed(2)} s; index built in ${(buildSeconds * 1000).toFixed(0)} ms`);
console.log(`whole tree: ${tree.found}/${tree.total} events got their own format (${pct(tree.found, tree.total)} %), ${tree.failed} no format, ${Math.round(tree.total / tree.seconds)} events/s (each by its own format: ${Math.round(directRate)} events/s)`);
console.log(`3 built-in formats: ${three.found}/${three.total} (${pct(three.found, three.total)} %), ${Math.round(three.total / three.seconds)} events/s`);
console.log('confusion (owner -> taken by), largest first:');
for (const [pair, n] of tree.confusion.slice(0, 15)) console.log(`  ${String(n).padStart(4)}  ${pair}`);
if (values.report) {
  writeFileSync(values.report, JSON.stringify({ tree: { ...tree, formats: formats.length }, builtins: three }, null, 2) + '\n');
  console.log(`report: ${values.report}`);
}
