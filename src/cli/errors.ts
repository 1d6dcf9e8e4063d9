/** Bad command line: one-line message, exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A reason the command cannot run (unreadable file, unloadable format): exit code 1. */
export class CommandError extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

/**
 * A UsageError or CommandError, by name: the bundled `normalize` command (see main.ts) throws its
 * own copies of these classes, which `instanceof` against this module's would not recognize.
 */
export function isCliError(err: unknown): err is UsageError | CommandError {
  return err instanceof Error && (err.name === 'UsageError' || err.name === 'CommandError') && typeof (err as { exitCode?: unknown }).exitCode === 'number';
}
