/** A pattern that is not valid Python-dialect regex, or that has no JavaScript equivalent. */
export class RegexSyntaxError extends Error {
  constructor(message: string, readonly pattern?: string, readonly position?: number) {
    super(position === undefined ? message : `${message} at position ${position}`);
    this.name = 'RegexSyntaxError';
  }
}

/** A match that ran past its time budget (catastrophic backtracking). */
export class RegexTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegexTimeoutError';
  }
}
