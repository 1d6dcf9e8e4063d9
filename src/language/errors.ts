import { FrequentError } from '../core/errors.js';

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
export class TemplateRuntimeError extends FrequentError {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateRuntimeError';
  }
}

export function fail(message: string): never {
  throw new TemplateRuntimeError(message);
}
