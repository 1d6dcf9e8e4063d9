/**
 * Worker-thread entry for `intake normalize --workers N`. Imports only the engine and the
 * runtime helpers: it loads the formats itself and turns batches of lines into NDJSON.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FormatLoadError, loadFormats, type Format, type LoadProblem } from '../pipeline/index.js';
import { createBatchProcessor, type Batch, type ByteBatch } from './batch.js';
import { splitLines } from './line-batcher.js';
import { FormatDetector } from './format-detector.js';
import type { InputMode } from './input-line.js';

/** What the main thread tells a worker when starting it. */
export interface NormalizeWorkerData {
  formatDirs: string[];
  auto: boolean;
  taxonomyFiles: string[];
  mode: InputMode;
}

export interface WorkerRequest {
  seq: number;
  batch: Batch | ByteBatch;
  /** A shared block for the output (shared-blocks.ts). */
  into?: SharedArrayBuffer;
}

/** A worker's first message: its formats loaded (with their non-fatal findings), or which one did not. */
export type WorkerStartReply =
  | { ready: true; diagnostics: LoadProblem[] }
  | { loadFailed: { dir: string; message: string; problems?: LoadProblem[] } };

export type WorkerReply =
  | { seq: number; result: import('./batch.js').BatchResult }
  | { seq: number; error: string };

if (parentPort) serve(parentPort);

function serve(port: NonNullable<typeof parentPort>): void {
  const data = workerData as NormalizeWorkerData;
  let formats: Format[];
  try {
    // A large set (auto over a tree) is compiled where events are tried; its load failures are
    // failure records of the events, so only a small set can fail here.
    formats = loadFormats(data.formatDirs, { taxonomyFiles: data.taxonomyFiles });
  } catch (err) {
    // The main thread does not load the formats itself: it reports this failure.
    const problems = err instanceof FormatLoadError ? err.problems : undefined;
    const message = err instanceof Error ? err.message : String(err);
    const dir = err instanceof FormatLoadError ? err.dir : data.formatDirs[0]!;
    // Stays idle (no message handler) until the main thread terminates it.
    port.postMessage({ loadFailed: { dir, message, problems } } satisfies WorkerStartReply);
    return;
  }
  const processBatch = createBatchProcessor(
    data.auto ? { kind: 'auto', detector: new FormatDetector(formats) } : { kind: 'format', format: formats[0]! },
    data.mode,
  );
  port.postMessage({ ready: true, diagnostics: formats.flatMap((f) => [...f.diagnostics]) } satisfies WorkerStartReply);
  port.on('message', (request: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      const batch = 'bytes' in request.batch ? splitLines(request.batch.bytes, request.batch.source, request.batch.firstLine) : request.batch;
      const result = processBatch(batch, request.into);
      // Never transferred (see shared-blocks.ts): a view of the shared block is shared, other bytes copied.
      port.postMessage({ seq: request.seq, result } satisfies WorkerReply);
      return;
    } catch (err) {
      reply = { seq: request.seq, error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
}
