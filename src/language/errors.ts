/** A template that cannot be compiled. The message carries the position. */
export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = 'TemplateSyntaxError';
  }
}

/** An error raised while evaluating a template (Python would raise an exception). */
export class TemplateRuntimeError extends Error {
  constructor(message: string) {
    // Catalog templates raise on ordinary events (a method called on a missing field blanks one
    // value), so these errors are frequent: skip the costly stack capture, the message says it all.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = 'TemplateRuntimeError';
  }
}

export function fail(message: string): never {
  throw new TemplateRuntimeError(message);
}
