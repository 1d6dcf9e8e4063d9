import { stringifyJson } from '../core/json.js';
import type { Format, InputEvent, NormalizedEvent } from '../pipeline/index.js';
import { failureReason, failureRecord, isFailure, markOrigin, type LineOrigin } from './failure-record.js';
import { FormatDetector } from './format-detector.js';
import { messageLiteral, parseInputLine, type InputMode } from './input-line.js';
import { NdjsonBytes } from './ndjson-bytes.js';

/**
 * A slice of input lines, in order; `invalidUtf8` lists the indexes decoded lossily. With a
 * `source` (the input file, "-" for standard input), `lineNumbers[i]` is the line number of lines[i].
 */
export interface Batch {
  lines: string[];
  invalidUtf8: number[];
  source?: string;
  lineNumbers?: number[];
}

/** Whole input lines as undecoded bytes: the main thread's cheap hand-over to worker threads. */
export interface ByteBatch {
  bytes: Uint8Array;
  /** The input file and the number of the block's first line. */
  source?: string;
  firstLine?: number;
}

/** A failed line, for the run's summary. */
export interface FailureNote {
  file?: string;
  line?: number;
  error: string;
}

/** Failures noted per batch: the summary shows the first few of a run, and counts the rest. */
export const NOTED_FAILURES = 5;

/** Where line `i` of a batch came from, when the batch knows. */
export function originOf(batch: Batch, i: number): LineOrigin | undefined {
  const line = batch.lineNumbers?.[i];
  return batch.source !== undefined && line !== undefined ? { file: batch.source, line } : undefined;
}

/** Notes a failed event of line `i` (at most NOTED_FAILURES per batch). */
export function noteFailure(notes: FailureNote[], event: NormalizedEvent, origin: LineOrigin | undefined): void {
  if (notes.length >= NOTED_FAILURES) return;
  notes.push(origin ? { file: origin.file, line: origin.line, error: failureReason(event) } : { error: failureReason(event) });
}

/** NDJSON for a batch (one line per input line, UTF-8) and its counts. */
export interface BatchResult {
  bytes: Uint8Array;
  normalized: number;
  failed: number;
  /** Events per format slug (only with --format auto). */
  perFormat: Record<string, number>;
  /** The first failures of the batch, with their place in the input. */
  failures: FailureNote[];
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
    const failures: FailureNote[] = [];
    let failed = 0;
    let invalidAt = 0;
    for (let i = 0; i < batch.lines.length; i++) {
      const line = batch.lines[i]!;
      let event: NormalizedEvent;
      let literal: string | undefined;
      let input: InputEvent | undefined;
      if (batch.invalidUtf8[invalidAt] === i) {
        invalidAt++;
        event = failureRecord(line, 'input: invalid UTF-8', undefined, originOf(batch, i));
      } else {
        const parsed = parseInputLine(line, mode);
        if ('error' in parsed) event = failureRecord(line, parsed.error, undefined, originOf(batch, i));
        else {
          input = parsed.event;
          if (mode === 'json') literal = messageLiteral(line, input);
          if (normalizer.kind === 'format') event = normalizer.format.normalize(input);
          else {
            const detection = normalizer.detector.normalize(input);
            event = detection.event;
            const slug = detection.format?.slug ?? '(none)';
            perFormat[slug] = (perFormat[slug] ?? 0) + 1;
          }
        }
      }
      if (isFailure(event)) {
        failed++;
        const origin = originOf(batch, i);
        if (origin !== undefined) markOrigin(event, origin);
        noteFailure(failures, event, origin);
      }
      if (literal === undefined || !writeWithLiteral(out, event, input!.message, literal)) out.push(stringifyJson(event));
    }
    return {
      bytes: out.take(),
      normalized: batch.lines.length - failed,
      failed,
      perFormat,
      failures,
    };
  };
}

const EMPTY_MESSAGE_END = '"message":""}';

/**
 * Writes `event` with its message copied from the input line's `literal` of `inputMessage` (see
 * messageLiteral): when the message is the event's last key and still that text, the event is serialized
 * with an empty message and the literal put in its place, which spares escaping the message a
 * second time. False (nothing written, `event` unchanged) when that does not apply.
 */
export function writeWithLiteral(out: NdjsonBytes, event: NormalizedEvent, inputMessage: string, literal: string): boolean {
  const message = event.message;
  if (message !== inputMessage) return false;
  let last: string | undefined;
  for (const key in event) last = key;
  if (last !== 'message') return false;
  event.message = '';
  const text = stringifyJson(event);
  event.message = message;
  if (!text.endsWith(EMPTY_MESSAGE_END)) return false;
  out.pushPieces(text.slice(0, text.length - 3), literal, '}');
  return true;
}
