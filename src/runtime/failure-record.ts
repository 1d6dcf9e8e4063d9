import type { NormalizedEvent } from '../pipeline/index.js';

/** Where an input line came from: its file ("-" for standard input) and line number (from 1). */
export interface LineOrigin {
  file: string;
  line: number;
}

/** The event written for input that never reached a parser (bad JSON, invalid UTF-8, a stuck worker). */
export function failureRecord(message: string, error: string, dialect?: string, origin?: LineOrigin): NormalizedEvent {
  const intake: Record<string, unknown> = { parsing_status: 'failure', parsing_error: error };
  if (dialect !== undefined) intake.dialect = dialect;
  if (origin !== undefined) intake.input = { file: origin.file, line: origin.line };
  return { message, sekoiaio: { intake } };
}

/** True when a normalized event reports a failure. */
export function isFailure(event: NormalizedEvent): boolean {
  const s = event.sekoiaio as { intake?: { parsing_status?: unknown } } | undefined;
  return s?.intake?.parsing_status !== 'success';
}

/** Stamps a failed event with the place of its input line (`sekoiaio.intake.input`). */
export function markOrigin(event: NormalizedEvent, origin: LineOrigin): void {
  const sekoiaio = (event.sekoiaio ??= {}) as Record<string, unknown>;
  const intake = (sekoiaio.intake ??= {}) as Record<string, unknown>;
  intake.input = { file: origin.file, line: origin.line };
}

/** The reason a failed event gives (its parsing_error), for summaries. */
export function failureReason(event: NormalizedEvent): string {
  const s = event.sekoiaio as { intake?: { parsing_error?: unknown } } | undefined;
  const error = s?.intake?.parsing_error;
  return typeof error === 'string' ? error : 'not normalized';
}
