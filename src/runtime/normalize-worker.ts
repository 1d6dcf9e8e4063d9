/**
 * Worker-thread entry for `intake normalize --workers N`. Imports only the engine and the
 * runtime helpers: it loads the formats itself and turns batches of lines into NDJSON.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadFormat } from '../pipeline/index.js';
import { createBatchProcessor, type Batch } from './batch.js';
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
  batch: Batch;
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
  port.on('message', (request: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = { seq: request.seq, result: processBatch(request.batch) };
    } catch (err) {
      reply = { seq: request.seq, error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
}
