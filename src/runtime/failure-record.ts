import type { NormalizedEvent } from '../pipeline/index.js';

/** The event written for input that never reached a parser (bad JSON, invalid UTF-8, a stuck worker). */
export function failureRecord(message: string, error: string, dialect?: string): NormalizedEvent {
  const intake: Record<string, unknown> = { parsing_status: 'failure', parsing_error: error };
  if (dialect !== undefined) intake.dialect = dialect;
  return { message, sekoiaio: { intake } };
}

/** True when a normalized event reports a failure. */
export function isFailure(event: NormalizedEvent): boolean {
  const s = event.sekoiaio as { intake?: { parsing_status?: unknown } } | undefined;
  return s?.intake?.parsing_status !== 'success';
}
