import { stringifyJson } from '../core/json.js';
import type { Format, NormalizedEvent } from '../pipeline/index.js';
import { failureRecord, isFailure } from './failure-record.js';
import { FormatDetector } from './format-detector.js';
import { parseInputLine, type InputMode } from './input-line.js';
import { NdjsonBytes } from './ndjson-bytes.js';

/** A slice of input lines, in order; `invalidUtf8` lists the indexes decoded lossily. */
export interface Batch {
  lines: string[];
  invalidUtf8: number[];
}

/** Whole input lines as undecoded bytes: the main thread's cheap hand-over to worker threads. */
export interface ByteBatch {
  bytes: Uint8Array;
}

/** NDJSON for a batch (one line per input line, UTF-8) and its counts. */
export interface BatchResult {
  bytes: Uint8Array;
  normalized: number;
  failed: number;
  /** Events per format slug (only with --format auto). */
  perFormat: Record<string, number>;
}

export type Normalizer = { kind: 'format'; format: Format } | { kind: 'auto'; detector: FormatDetector };

/**
 * Turns batches of lines into NDJSON; shared by the main thread and the worker threads.
 * `into`, a shared block, receives the NDJSON when it fits (see shared-blocks.ts).
 */
export function createBatchProcessor(normalizer: Normalizer, mode: InputMode): (batch: Batch, into?: SharedArrayBuffer) => BatchResult {
  return (batch, into) => {
    let inputChars = 0;
    for (let i = 0; i < batch.lines.length; i++) inputChars += batch.lines[i]!.length;
    // Events come out two to three times their input's size; the buffer grows when that is short.
    const out = new NdjsonBytes(inputChars * 3 + 1024, into);
    const perFormat: Record<string, number> = {};
    let failed = 0;
    let invalidAt = 0;
    for (let i = 0; i < batch.lines.length; i++) {
      const line = batch.lines[i]!;
      let event: NormalizedEvent;
      if (batch.invalidUtf8[invalidAt] === i) {
        invalidAt++;
        event = failureRecord(line, 'input: invalid UTF-8');
      } else {
        const parsed = parseInputLine(line, mode);
        if ('error' in parsed) event = failureRecord(line, parsed.error);
        else if (normalizer.kind === 'format') event = normalizer.format.normalize(parsed.event);
        else {
          const detection = normalizer.detector.normalize(parsed.event);
          event = detection.event;
          const slug = detection.format?.slug ?? '(none)';
          perFormat[slug] = (perFormat[slug] ?? 0) + 1;
        }
      }
      if (isFailure(event)) failed++;
      out.push(stringifyJson(event));
    }
    return {
      bytes: out.take(),
      normalized: batch.lines.length - failed,
      failed,
      perFormat,
    };
  };
}
