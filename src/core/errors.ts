/**
 * An error for expected, frequent failures on the per-event path (a grok tried on every event, a
 * template method called on a missing field): it skips the costly stack capture, since the
 * message alone says what happened.
 */
export class FrequentError extends Error {
  constructor(message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}
