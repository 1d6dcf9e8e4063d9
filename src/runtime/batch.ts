import { stringifyJson } from '../core/json.js';
import type { Format, NormalizedEvent } from '../pipeline/index.js';
import { failureRecord, isFailure } from './failure-record.js';
import { FormatDetector } from './format-detector.js';
import { parseInputLine, type InputMode } from './input-line.js';

/** A slice of input lines, in order; `invalidUtf8` lists the indexes decoded lossily. */
export interface Batch {
  lines: string[];
  invalidUtf8: number[];
}

/** Whole input lines as undecoded bytes: the main thread's cheap hand-over to worker threads. */
export interface ByteBatch {
  bytes: Uint8Array;
}

/** NDJSON text for a batch (one line per input line) and its counts. */
export interface BatchResult {
  text: string;
  /** The same NDJSON encoded as UTF-8, when a worker thread sends it (transferred, not copied). */
  bytes?: Uint8Array;
  normalized: number;
  failed: number;
  /** Events per format slug (only with --format auto). */
  perFormat: Record<string, number>;
}

export type Normalizer = { kind: 'format'; format: Format } | { kind: 'auto'; detector: FormatDetector };

/** Turns batches of lines into NDJSON; shared by the main thread and the worker threads. */
export function createBatchProcessor(normalizer: Normalizer, mode: InputMode): (batch: Batch) => BatchResult {
  return (batch) => {
    // One slot more, left empty, so join() ends the text with a newline without a second copy.
    const out: string[] = new Array(batch.lines.length + 1);
    out[batch.lines.length] = '';
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
      out[i] = stringifyJson(event);
    }
    return {
      text: batch.lines.length === 0 ? '' : out.join('\n'),
      normalized: batch.lines.length - failed,
      failed,
      perFormat,
    };
  };
}
