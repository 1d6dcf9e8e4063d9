/**
 * `npm run bench`: Intake against the JSON floor on the same input, alternating runs.
 * Prints a table and writes it as JSON outside the repository: `--out FILE`, else
 * `intake-bench/latest.json` and a dated copy in the system's temp folder.
 * `npm run bench -- --catalog DIR ...` runs the catalog benchmark instead (catalog.ts).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltinFormats, packageRoot, stringifyJson } from '../src/index.js';
import type { Format, InputEvent } from '../src/index.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/**
 * The workers comparison is also run on this many times the events: each worker thread's start-up
 * and JIT warm-up is a fixed cost (about half a second of CPU), which a long stream amortizes.
 */
const WORKERS_SCALE = Number(process.env.BENCH_WORKERS_SCALE ?? 20);
/** Runs of that long comparison (each pair takes over a minute). */
const WORKERS_LONG_RUNS = Number(process.env.BENCH_WORKERS_LONG_RUNS ?? 3);
const STREAM_EVENTS = Number(process.env.BENCH_STREAM_EVENTS ?? 10_000_000);
const root = packageRoot();
const cli = join(root, 'bin', 'intake.js');
const floorScript = join(root, 'dist', 'bench', 'json-floor.js');
const generator = join(root, 'dist', 'bench', 'generate.js');

interface RunResult { seconds: number; peakRssMb: number }

/** Runs `node args` with stdin from `inputFile` (or from `feeder`'s stdout) and stdout to /dev/null. */
function run(args: string[], inputFile: string | null, feederArgs?: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const stdinFd = inputFile ? openSync(inputFile, 'r') : undefined;
    const feeder = feederArgs ? spawn(process.execPath, feederArgs, { stdio: ['ignore', 'pipe', 'inherit'] }) : undefined;
    const child = spawn(process.execPath, args, { stdio: [feeder ? 'pipe' : stdinFd!, 'ignore', 'pipe'], env: { ...process.env, CI: '1' } });
    if (feeder) feeder.stdout!.pipe(child.stdin!);
    let peakKb = 0;
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const sample = (): void => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch { /* exited */ }
    };
    const timer = setInterval(sample, 25);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (stdinFd !== undefined) closeSync(stdinFd);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`));
      else resolve({ seconds, peakRssMb: peakKb / 1024 });
    });
    sample();
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The median of a[i] / b[i]: each run against the one right after it, which shares its phase of
 * the machine more often than the median of all runs does (this VM's speed drifts by tens of
 * percent over minutes, memory-bound code the most).
 */
const pairedRatio = (a: number[], b: number[]): number => +median(a.map((x, i) => x / b[i]!)).toFixed(3);

function writeWorkload(dir: string, name: string, inputs: InputEvent[], count: number): string {
  const lines = inputs.map((i) => stringifyJson(i));
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(lines[i % lines.length]);
  const file = join(dir, `${name}.ndjson`);
  writeFileSync(file, out.join('\n') + '\n');
  return file;
}

function inProcess(format: Format, inputs: InputEvent[]): number {
  const nowMs = Date.parse('2026-11-22T00:00:00Z');
  for (let i = 0; i < 2000; i++) format.normalize(inputs[i % inputs.length], { nowMs });
  const n = Math.min(EVENTS, 50_000);
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) format.normalize(inputs[i % inputs.length], { nowMs });
  return n / (Number(process.hrtime.bigint() - t) / 1e9);
}

async function main(): Promise<void> {
  const formats = loadBuiltinFormats();
  const dir = mkdtempSync(join(tmpdir(), 'intake-bench-'));
  const rows: Record<string, unknown>[] = [];
  /** Events/s of every run, in run order (engine and floor runs alternate). */
  const raw: Record<string, Record<string, number[]>> = {};
  const mixedInputs: InputEvent[] = [];
  try {
    for (const format of formats) {
      const inputs = format.loadTests().map((t) => t.input);
      mixedInputs.push(...inputs);
      const file = writeWorkload(dir, format.slug, inputs, EVENTS);
      const engine: number[] = [];
      const floor: number[] = [];
      let peak = 0;
      for (let r = 0; r < RUNS; r++) {
        const e = await run([cli, 'normalize', '--format', format.slug, '--input', 'json'], file);
        const f = await run([floorScript], file);
        engine.push(EVENTS / e.seconds);
        floor.push(EVENTS / f.seconds);
        peak = Math.max(peak, e.peakRssMb);
      }
      raw[format.slug] = { engine_eps: engine.map(Math.round), floor_eps: floor.map(Math.round) };
      rows.push({
        workload: format.slug, engine_eps: Math.round(median(engine)), floor_eps: Math.round(median(floor)),
        ratio: +(median(engine) / median(floor)).toFixed(3), paired_ratio: pairedRatio(engine, floor),
        in_process_eps: Math.round(inProcess(format, inputs)), peak_rss_mb: +peak.toFixed(1),
      });
    }
    const mixedFile = writeWorkload(dir, 'mixed', mixedInputs, EVENTS);
    const engine: number[] = [];
    const floor: number[] = [];
    const w1: number[] = [];
    const w2: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      engine.push(EVENTS / (await run([cli, 'normalize', '--format', 'auto', '--input', 'json'], mixedFile)).seconds);
      floor.push(EVENTS / (await run([floorScript], mixedFile)).seconds);
      w1.push(EVENTS / (await run([cli, 'normalize', '--format', 'sekoiaio-endpoint', '--input', 'json', '--workers', '1'], join(dir, 'sekoiaio-endpoint.ndjson'))).seconds);
      w2.push(EVENTS / (await run([cli, 'normalize', '--format', 'sekoiaio-endpoint', '--input', 'json', '--workers', '2'], join(dir, 'sekoiaio-endpoint.ndjson'))).seconds);
    }
    raw.mixed = { engine_eps: engine.map(Math.round), floor_eps: floor.map(Math.round) };
    rows.push({
      workload: 'mixed (--format auto)', engine_eps: Math.round(median(engine)), floor_eps: Math.round(median(floor)),
      ratio: +(median(engine) / median(floor)).toFixed(3), paired_ratio: pairedRatio(engine, floor),
    });
    raw.workers = { workers1_eps: w1.map(Math.round), workers2_eps: w2.map(Math.round) };
    const workers = {
      events: EVENTS, workers1_eps: Math.round(median(w1)), workers2_eps: Math.round(median(w2)),
      speedup: +(median(w2) / median(w1)).toFixed(2), paired_speedup: +pairedRatio(w2, w1).toFixed(2),
    };
    // The same comparison on a longer input: each worker's start-up and JIT warm-up is a fixed cost.
    const bigEvents = EVENTS * WORKERS_SCALE;
    const bigFile = join(dir, 'sekoiaio-endpoint-big.ndjson');
    // Appended piece by piece: the whole would exceed V8's longest string.
    const piece = readFileSync(join(dir, 'sekoiaio-endpoint.ndjson'));
    const bigFd = openSync(bigFile, 'w');
    for (let i = 0; i < WORKERS_SCALE; i++) writeSync(bigFd, piece);
    closeSync(bigFd);
    const bw1: number[] = [];
    const bw2: number[] = [];
    for (let r = 0; r < WORKERS_LONG_RUNS; r++) {
      bw1.push(bigEvents / (await run([cli, 'normalize', '--format', 'sekoiaio-endpoint', '--input', 'json', '--workers', '1'], bigFile)).seconds);
      bw2.push(bigEvents / (await run([cli, 'normalize', '--format', 'sekoiaio-endpoint', '--input', 'json', '--workers', '2'], bigFile)).seconds);
    }
    raw.workers_long = { workers1_eps: bw1.map(Math.round), workers2_eps: bw2.map(Math.round) };
    const workersLong = {
      events: bigEvents, workers1_eps: Math.round(median(bw1)), workers2_eps: Math.round(median(bw2)),
      speedup: +(median(bw2) / median(bw1)).toFixed(2), paired_speedup: +pairedRatio(bw2, bw1).toFixed(2),
    };
    const sampleFile = writeWorkload(dir, 'stream-sample', mixedInputs, mixedInputs.length);
    const stream = await run([cli, 'normalize', '--format', 'auto', '--input', 'json'], null, [generator, sampleFile, String(STREAM_EVENTS)]);
    const result = {
      date: new Date().toISOString(), node: process.version, events: EVENTS, runs: RUNS, rows, workers,
      workers_long: { ...workersLong, runs: WORKERS_LONG_RUNS },
      stream: { events: STREAM_EVENTS, seconds: +stream.seconds.toFixed(1), eps: Math.round(STREAM_EVENTS / stream.seconds), peak_rss_mb: +stream.peakRssMb.toFixed(1) },
      raw,
    };
    console.table(rows);
    console.log(`--workers 2 vs 1 (sekoiaio-endpoint, ${EVENTS} events): ${workers.workers2_eps} vs ${workers.workers1_eps} events/s = ${workers.speedup}x (paired ${workers.paired_speedup}x)`);
    console.log(`--workers 2 vs 1 (sekoiaio-endpoint, ${bigEvents} events): ${workersLong.workers2_eps} vs ${workersLong.workers1_eps} events/s = ${workersLong.speedup}x (paired ${workersLong.paired_speedup}x)`);
    console.log(`stream of ${STREAM_EVENTS} events: ${result.stream.eps} events/s, peak RSS ${result.stream.peak_rss_mb} MB`);
    const text = JSON.stringify(result, null, 2) + '\n';
    const outIndex = process.argv.indexOf('--out');
    if (outIndex >= 0) {
      writeFileSync(process.argv[outIndex + 1]!, text);
    } else {
      const outDir = join(tmpdir(), 'intake-bench');
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, 'latest.json'), text);
      writeFileSync(join(outDir, `${result.date.slice(0, 19).replace(/:/g, '-')}.json`), text);
      console.log(`results: ${join(outDir, 'latest.json')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--catalog')) await import('./catalog.js');
else await main();
