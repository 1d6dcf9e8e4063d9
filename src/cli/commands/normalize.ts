import { createReadStream, createWriteStream, fstatSync, statSync } from 'node:fs';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { createBatchProcessor, type Batch, type BatchResult, type ByteBatch } from '../../runtime/batch.js';
import { FormatDetector } from '../../runtime/format-detector.js';
import type { InputMode } from '../../runtime/input-line.js';
import { parseArgs } from 'node:util';
import { parseOrUsage, positiveInt } from '../args.js';
import { CommandError, UsageError } from '../errors.js';
import { NORMALIZE_HELP } from '../help.js';
import { ByteChunker, countLines, LineBatcher } from '../../runtime/line-batcher.js';
import { SharedBlockPool } from '../../runtime/shared-blocks.js';
import { ProgressBar, progressWanted } from '../normalize/progress.js';
import { diagnosticLines, formatLoadFailure } from '../format-errors.js';
import { resolveFormatDirs } from '../normalize/resolve-format-dirs.js';
import { RunStats } from '../normalize/summary.js';
import { WorkerPool, WorkerStartError } from '../normalize/worker-pool.js';

/** Lines per batch in this thread: one stdout write each. */
const BATCH_LINES = 256;
/** Bytes of whole lines per worker message (the main thread does not decode them). */
const WORKER_BLOCK = 64 * 1024;
const READ_CHUNK = 256 * 1024;

/** `intake normalize`: NDJSON out, one event per input line, input order. */
export async function runNormalize(argv: string[]): Promise<number> {
  const { values, positionals } = parseOrUsage('normalize', () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        input: { type: 'string', short: 'i', default: 'raw' },
        taxonomy: { type: 'string', short: 't', multiple: true, default: [] },
        workers: { type: 'string', short: 'w' },
        'formats-dir': { type: 'string', short: 'F', multiple: true, default: [] },
        'batch-timeout': { type: 'string' },
        'no-progress': { type: 'boolean' },
        output: { type: 'string', short: 'o' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) {
    process.stdout.write(NORMALIZE_HELP);
    return 0;
  }
  if (values.format === undefined) throw new UsageError('normalize: --format is required (a slug, a folder or "auto")');
  const mode = values.input as InputMode;
  if (mode !== 'raw' && mode !== 'json') throw new UsageError(`--input must be "raw" or "json", got "${values.input}"`);
  const workers = positiveInt('workers', values.workers, 0);
  const timeoutMs = positiveInt('batch-timeout', values['batch-timeout'], 30_000);
  const taxonomyFiles = values.taxonomy ?? [];
  for (const file of taxonomyFiles) {
    if (!isFile(file)) throw new CommandError(`--taxonomy: cannot read ${file}`);
  }
  // An input file that cannot be read is reported and left out; the others are still processed,
  // and the run ends with status 1.
  const unreadable: string[] = [];
  const unreadableReasons: string[] = [];
  const reportUnreadable = (file: string, reason: string, now = true) => {
    unreadable.push(file);
    unreadableReasons.push(`cannot read ${file}: ${reason}`);
    if (now) process.stderr.write(`intake normalize: cannot read ${file}: ${reason}\n`);
  };
  const files: string[] = [];
  let totalBytes = 0;
  for (const file of positionals.length > 0 ? positionals : ['-']) {
    if (file === '-') {
      files.push(file);
      continue;
    }
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      totalBytes += st.size;
      files.push(file);
    } catch (err) {
      reportUnreadable(file, (err as NodeJS.ErrnoException).code ?? (err as Error).message, false);
    }
  }
  // Nothing readable at all: one error line, as for any other command error.
  if (files.length === 0) throw new CommandError(unreadableReasons.join('\n'));
  for (const reason of unreadableReasons) process.stderr.write(`intake normalize: ${reason}\n`);

  const format = values.format;
  const stats = new RunStats();
  const outputFile = values.output;
  const stdout: Writable = outputFile === undefined ? process.stdout : createWriteStream(outputFile);
  stdout.on('error', (err: NodeJS.ErrnoException) => {
    // A closed pipe (`| head`) ends the run quietly, like other Unix filters.
    if (err.code === 'EPIPE' && outputFile === undefined) process.exit(0);
    // Any other write error (a full disk, `> /dev/full`): one line, not a stack trace.
    const target = outputFile === undefined ? 'standard output' : outputFile;
    process.stderr.write(`intake: cannot write to ${target}: ${err.code ?? err.message}\n`);
    process.exit(1);
  });

  /** Writes a result; `written` runs once stdout no longer needs its bytes. */
  const write = async (result: BatchResult, written?: () => void) => {
    stats.add(result);
    if (result.bytes.length === 0) written?.();
    else if (!stdout.write(result.bytes, written)) await once(stdout, 'drain');
  };

  let handle: (batch: Batch | ByteBatch) => Promise<void>;
  let split: {
    beginInput(source: string): void;
    push(chunk: Buffer): (Batch | ByteBatch)[];
    endOfInput(): (Batch | ByteBatch)[];
    flush(): (Batch | ByteBatch)[];
  };
  let finish: () => Promise<void>;
  if (workers > 0) {
    // The workers load the formats: this thread only names them, then waits for the first
    // worker's verdict (instead of loading them first itself, which delays every run).
    const { auto, dirs } = resolveFormatDirs(format, values['formats-dir']);
    const pool = new WorkerPool(workers, { formatDirs: dirs, auto, taxonomyFiles, mode }, timeoutMs);
    try {
      const diagnostics = await pool.started;
      for (const line of diagnosticLines({ diagnostics })) process.stderr.write(`${line}\n`);
    } catch (err) {
      await pool.close();
      if (err instanceof WorkerStartError && err.dir !== undefined) throw formatLoadFailure(err.dir, err.reason);
      throw new CommandError((err as Error).message);
    }
    const inFlight: Promise<BatchResult>[] = [];
    // Enough to keep every worker busy with a batch queued behind the one it works on, plus one.
    const maxInFlight = workers * 3;
    const writeOut = async (result: BatchResult) => write(result, () => pool.blocks.recycle(result.bytes));
    handle = async (batch) => {
      inFlight.push(pool.submit(batch));
      while (inFlight.length >= maxInFlight) await writeOut(await inFlight.shift()!);
    };
    finish = async () => {
      while (inFlight.length > 0) await writeOut(await inFlight.shift()!);
      await pool.close();
    };
    // Input blocks go straight into shared memory (one copy), for the workers to read in place.
    const chunker = new ByteChunker(WORKER_BLOCK, (bytes) => {
      const block = pool.blocks.take(bytes);
      return block ? new Uint8Array(block) : new Uint8Array(bytes);
    });
    // Blocks are numbered here (a count of their newlines) for failure records to give their line.
    let source = '';
    let nextLine = 1;
    const blocks = (bytes: Uint8Array[]): ByteBatch[] =>
      bytes.map((b) => {
        const batch = { bytes: b, source, firstLine: nextLine };
        nextLine += countLines(b);
        return batch;
      });
    split = {
      beginInput: (name) => {
        source = name;
        nextLine = 1;
      },
      push: (c) => blocks(chunker.push(c)),
      endOfInput: () => blocks(chunker.endOfInput()),
      flush: () => [],
    };
  } else {
    // Loaded here only: with --workers this thread orchestrates and never imports the engine.
    const { resolveFormats } = await import('../normalize/resolve-format.js');
    const { auto, formats } = resolveFormats(format, taxonomyFiles, values['formats-dir']);
    const processBatch = createBatchProcessor(
      auto ? { kind: 'auto', detector: new FormatDetector(formats) } : { kind: 'format', format: formats[0]! },
      mode,
    );
    // Each batch's output goes into a recycled block, taken back once stdout is done with it.
    const blocks = new SharedBlockPool();
    handle = (batch) => {
      const into = blocks.take();
      return write(processBatch(batch as Batch, into), () => blocks.recycle(into));
    };
    finish = async () => {};
    split = new LineBatcher(BATCH_LINES);
  }

  const progress =
    !values['no-progress'] && !values.quiet && progressWanted(!files.includes('-'), process.stderr)
      ? new ProgressBar(process.stderr, totalBytes)
      : undefined;
  let bytesRead = 0;
  try {
    for (const file of files) {
      const stream: Readable = file === '-' ? stdinStream() : createReadStream(file, { highWaterMark: READ_CHUNK });
      split.beginInput(file === '-' ? 'stdin' : file);
      try {
        for await (const chunk of stream) {
          const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
          bytesRead += buf.length;
          for (const batch of split.push(buf)) await handle(batch);
          progress?.update(bytesRead, stats.events);
        }
      } catch (err) {
        reportUnreadable(file === '-' ? 'stdin' : file, (err as NodeJS.ErrnoException).code ?? (err as Error).message);
      }
      for (const batch of split.endOfInput()) await handle(batch);
    }
    for (const batch of split.flush()) await handle(batch);
  } finally {
    await finish();
    progress?.finish();
  }
  if (outputFile !== undefined) await new Promise<void>((resolve) => stdout.end(resolve));
  if (!values.quiet) process.stderr.write(stats.summary() + '\n');
  if (unreadable.length > 0) {
    process.stderr.write(`intake normalize: ${unreadable.length} input file(s) could not be read: ${unreadable.join(', ')}\n`);
    return 1;
  }
  return 0;
}

/**
 * Standard input. A regular file there is read in READ_CHUNK pieces: process.stdin reads 64 KiB
 * at a time and only one piece ahead, so while a batch is normalized the reads fall behind and
 * the thread then waits for each (measured: 6.8% of an Endpoint run idle, 0.4% with this).
 */
function stdinStream(): Readable {
  try {
    if (fstatSync(0).isFile()) return createReadStream('', { fd: 0, highWaterMark: READ_CHUNK, autoClose: false });
  } catch {
    // not a file descriptor that can be examined: process.stdin knows what to do with it
  }
  return process.stdin;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
