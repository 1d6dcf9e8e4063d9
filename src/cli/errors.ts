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
