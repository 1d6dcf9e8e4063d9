/**
 * Worker-thread entry for `intake normalize --workers N`. Imports only the engine and the
 * runtime helpers: it loads the formats itself and turns batches of lines into NDJSON.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadFormat } from '../pipeline/index.js';
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
}

export type WorkerReply =
  | { seq: number; result: import('./batch.js').BatchResult }
  | { seq: number; error: string };

if (parentPort) {
  const port = parentPort;
  const data = workerData as NormalizeWorkerData;
  const formats = data.formatDirs.map((dir) => loadFormat(dir, { taxonomyFiles: data.taxonomyFiles }));
  const processBatch = createBatchProcessor(
    data.auto ? { kind: 'auto', detector: new FormatDetector(formats) } : { kind: 'format', format: formats[0]! },
    data.mode,
  );
  port.postMessage({ ready: true });
  const encoder = new TextEncoder();
  port.on('message', (request: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      const batch = 'bytes' in request.batch ? splitLines(request.batch.bytes) : request.batch;
      const result = processBatch(batch);
      // Encoding here and transferring the bytes keeps the main thread free for I/O.
      const bytes = encoder.encode(result.text);
      port.postMessage({ seq: request.seq, result: { ...result, text: '', bytes } } satisfies WorkerReply, [bytes.buffer]);
      return;
    } catch (err) {
      reply = { seq: request.seq, error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
}
