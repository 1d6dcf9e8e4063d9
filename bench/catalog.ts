/**
 * `npm run bench -- --catalog DIR`: every format folder of a catalog (`*\/*\/ingest/parser.yml`),
 * its test inputs repeated to N events, `intake normalize --format <dir> --input json` against the
 * catalog floor (catalog-floor.ts) on the same file, alternating. The start-up of each side is
 * measured on a one-event file (median of three, after a first run that fills the derived-data
 * cache and is reported apart) and subtracted: steady-state events/s = N / (t(N) - t(1)).
 *
 * The floor runs on the same inputs repeated so that its run lasts about as long as the engine's
 * (at most 20 N events): its start-up would otherwise be most of its time.
 *
 * Options: --events N (default 20000), --runs R (default 1), --filter TEXT (formats whose path
 * contains TEXT), --max-seconds S (a format slower than N events in S seconds runs on fewer
 * events, at least 200; default 30), --taxonomy FILE (passed to normalize), --out FILE (default:
 * a file in the system's temp folder; never in the repository).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { packageRoot } from '../src/index.js';

interface Options { catalog: string; events: number; runs: number; filter: string; maxSeconds: number; taxonomy: string | null; out: string }

function options(argv: string[]): Options {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    catalog: resolve(get('--catalog')!),
    events: Number(get('--events') ?? 20_000),
    runs: Number(get('--runs') ?? 1),
    filter: get('--filter') ?? '',
    maxSeconds: Number(get('--max-seconds') ?? 30),
    taxonomy: get('--taxonomy') ?? null,
    out: get('--out') ?? join(tmpdir(), `intake-catalog-bench-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.json`),
  };
}

const root = packageRoot();
const cli = join(root, 'bin', 'intake.js');
const floorScript = join(root, 'dist', 'bench', 'catalog-floor.js');

/** Seconds of `node args` with stdin from `file`, stdout discarded; `report`: with INTAKE_REGEX_REPORT. */
function timed(args: string[], file: string, report = false): Promise<{ seconds: number; stderr: string }> {
  return new Promise((done, fail) => {
    const fd = openSync(file, 'r');
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: [fd, 'ignore', 'pipe'], env: { ...process.env, CI: '1', ...(report ? { INTAKE_REGEX_REPORT: '1' } : {}) } });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('exit', (code) => {
      closeSync(fd);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) fail(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-400)}`));
      else done({ seconds, stderr });
    });
  });
}

function formatDirs(catalog: string, filter: string): string[] {
  const out: string[] = [];
  for (const vendor of readdirSync(catalog, { withFileTypes: true })) {
    if (!vendor.isDirectory() || vendor.name.startsWith('.')) continue;
    for (const f of readdirSync(join(catalog, vendor.name), { withFileTypes: true })) {
      const dir = join(catalog, vendor.name, f.name);
      if (f.isDirectory() && existsSync(join(dir, 'ingest', 'parser.yml')) && relative(catalog, dir).includes(filter)) out.push(dir);
    }
  }
  return out.sort();
}

function inputs(dir: string): string[] {
  const tests = join(dir, 'tests');
  if (!existsSync(tests)) return [];
  const lines: string[] = [];
  for (const name of readdirSync(tests).sort()) {
    if (!name.endsWith('.json')) continue;
    try {
      const t = JSON.parse(readFileSync(join(tests, name), 'utf8')) as { input?: unknown };
      if (t.input !== null && typeof t.input === 'object') lines.push(JSON.stringify(t.input));
    } catch { /* unreadable test: skipped */ }
  }
  return lines;
}

/** Written in slices: the floor's file of big events can exceed the longest string V8 makes. */
function workload(dir: string, name: string, lines: string[], count: number): string {
  const file = join(dir, `${name}.ndjson`);
  const fd = openSync(file, 'w');
  try {
    for (let from = 0; from < count; from += 1000) {
      const out: string[] = [];
      for (let i = from; i < Math.min(count, from + 1000); i++) out.push(lines[i % lines.length]!);
      writeSync(fd, out.join('\n') + '\n');
    }
  } finally {
    closeSync(fd);
  }
  return file;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

interface Row { noisy: boolean; format: string; events: number; engine_eps: number; floor_eps: number; ratio: number; startup_s: number; cold_startup_s: number; floor_startup_s: number; notes: string[] }

/** Lines the engine writes about patterns it cannot run in linear time (INTAKE_REGEX_REPORT, compiled-grok.ts). */
function notes(stderr: string): string[] {
  return [...new Set(stderr.split('\n').filter((l) => l.startsWith('intake: regex ')))].map((l) => l.slice('intake: '.length));
}

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  const started = Date.now();
  const tmp = mkdtempSync(join(tmpdir(), 'intake-catalog-bench-'));
  const rows: Row[] = [];
  const failed: Array<{ format: string; error: string }> = [];
  try {
    for (const dir of formatDirs(o.catalog, o.filter)) {
      const name = relative(o.catalog, dir);
      const lines = inputs(dir);
      if (lines.length === 0) continue;
      const slug = name.replace(/[^\w.-]+/g, '_');
      const engineArgs = [cli, 'normalize', '--format', dir, '--input', 'json', ...(o.taxonomy ? ['--taxonomy', o.taxonomy] : [])];
      try {
        const one = workload(tmp, `${slug}-1`, lines, 1);
        const probeN = Math.min(o.events, 1000);
        const probe = workload(tmp, `${slug}-probe`, lines, probeN);
        // The first run of a format fills the derived-data cache (translations, VM programs):
        // reported as the cold start. Later runs read it; their start-up (median of three) is
        // what is subtracted from the timed runs, which read it too.
        const cold = (await timed(engineArgs, one)).seconds;
        const reported = (await timed(engineArgs, one, true)).stderr;
        const es = median([(await timed(engineArgs, one)).seconds, (await timed(engineArgs, one)).seconds, (await timed(engineArgs, one)).seconds]);
        const fs = median([(await timed([floorScript], one)).seconds, (await timed([floorScript], one)).seconds, (await timed([floorScript], one)).seconds]);
        const p = await timed(engineArgs, probe);
        const probeRate = probeN / Math.max(p.seconds - es, 1e-3);
        const n = Math.max(200, Math.min(o.events, Math.round(probeRate * o.maxSeconds)));
        const file = workload(tmp, slug, lines, n);
        // The floor is often 10-100 times faster: on the same N its run would be mostly start-up,
        // and the subtraction mostly noise. It runs on the same inputs repeated to take about as long.
        const floorProbe = (await timed([floorScript], probe)).seconds;
        const floorRate = probeN / Math.max(floorProbe - fs, 1e-3);
        const nf = Math.max(n, Math.min(o.events * 20, Math.round(floorRate * Math.max(1, Math.min(o.maxSeconds, n / probeRate)))));
        const floorFile = nf === n ? file : workload(tmp, `${slug}-floor`, lines, nf);
        const engine: number[] = [];
        const floor: number[] = [];
        /** A run shorter than twice its start-up: the subtraction is then mostly noise. */
        let noisy = false;
        const eStart: number[] = [es];
        const fStart: number[] = [fs];
        const stderr = reported;
        for (let r = 0; r < o.runs; r++) {
          if (r > 0) {
            eStart.push((await timed(engineArgs, one)).seconds);
            fStart.push((await timed([floorScript], one)).seconds);
          }
          const e = await timed(engineArgs, file);
          const f = await timed([floorScript], floorFile);
          noisy ||= e.seconds < 2 * eStart[r]! || f.seconds < 2 * fStart[r]!;
          engine.push(n / Math.max(e.seconds - eStart[r]!, 1e-3));
          floor.push(nf / Math.max(f.seconds - fStart[r]!, 1e-3));
        }
        const row: Row = {
          noisy, format: name, events: n, engine_eps: Math.round(median(engine)), floor_eps: Math.round(median(floor)),
          ratio: +median(engine.map((x, i) => x / floor[i]!)).toFixed(3), startup_s: +median(eStart).toFixed(3), cold_startup_s: +cold.toFixed(3), floor_startup_s: +median(fStart).toFixed(3),
          notes: notes(stderr),
        };
        rows.push(row);
        console.log(`${noisy ? '?' : ' '}${row.ratio.toFixed(3).padStart(7)} ${String(row.engine_eps).padStart(8)} ev/s  floor ${String(row.floor_eps).padStart(8)}  start ${row.startup_s.toFixed(2)} s (first ${row.cold_startup_s.toFixed(2)})  ${name}${n < o.events ? ` (${n} events)` : ''}`);
        // Only where the pattern may be the reason (the JSON has every format's notes).
        if (row.ratio < 0.25) for (const note of row.notes) console.log(`        ${note}`);
      } catch (err) {
        failed.push({ format: name, error: (err as Error).message.slice(0, 300) });
        console.log(`  error  ${name}: ${(err as Error).message.slice(0, 200)}`);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (rows.length === 0) throw new Error('no format measured');
  // Rows marked `?` (runs shorter than twice their start-up) stay out of the figures: use more events.
  const sure = rows.filter((r) => !r.noisy).length > 0 ? rows.filter((r) => !r.noisy) : rows;
  const ratios = sure.map((r) => r.ratio);
  const worst = [...sure].sort((a, b) => a.ratio - b.ratio);
  const summary = {
    formats: sure.length, noisy: rows.length - sure.length, median_ratio: median(ratios), p10_ratio: quantile(ratios, 0.1), worst: worst.slice(0, 5).map((r) => `${r.format} ${r.ratio} (${r.engine_eps} ev/s)`),
    below_0_1: worst.filter((r) => r.ratio < 0.1).map((r) => `${r.format} ${r.ratio}`),
    median_startup_s: median(sure.map((r) => r.startup_s)), max_startup_s: Math.max(...sure.map((r) => r.startup_s)),
    median_cold_startup_s: median(sure.map((r) => r.cold_startup_s)), max_cold_startup_s: Math.max(...sure.map((r) => r.cold_startup_s)),
    wall_seconds: Math.round((Date.now() - started) / 1000),
  };
  console.log(`\n${summary.formats} formats${summary.noisy ? ` (${summary.noisy} more marked ? left out: runs too short against their start-up)` : ''}: median ratio ${summary.median_ratio}, p10 ${summary.p10_ratio}, worst ${summary.worst[0]}`);
  console.log(`below 0.1: ${summary.below_0_1.length ? summary.below_0_1.join(', ') : 'none'}`);
  console.log(`start-up (cache filled by a first run): median ${summary.median_startup_s} s, max ${summary.max_startup_s} s; first run of a format: median ${summary.median_cold_startup_s} s, max ${summary.max_cold_startup_s} s; wall ${summary.wall_seconds} s${failed.length ? `; ${failed.length} formats failed to run` : ''}`);
  writeFileSync(o.out, JSON.stringify({ date: new Date().toISOString(), node: process.version, options: o, summary, rows, failed }, null, 2) + '\n');
  console.log(`results: ${o.out}`);
}

await main();
