import { UsageError } from './errors.js';

/** Runs a `util.parseArgs` call, turning its errors into one-line UsageErrors naming the command. */
export function parseOrUsage<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    // Node's messages can span lines (hints); keep the first as the one-line reason.
    throw new UsageError(`${command}: ${plainArgError(msg)}`);
  }
}

/** A positive integer option value, or a UsageError naming the flag. */
export function positiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${flag} must be a positive integer, got "${value}"`);
  return n;
}

/** Node's parseArgs message, first line, without its hint about positionals that start with "-". */
export function plainArgError(message: string): string {
  return message.split('\n')[0]!.replace(/\. To specify a positional argument starting with a '-'.*$/, '');
}
