import { FormatLoadError, type LoadProblem } from '../pipeline/types.js';
import { CommandError } from './errors.js';

/** One line per non-fatal loader finding (a template that does not compile), with file and line. */
export function diagnosticLines(format: { diagnostics: readonly LoadProblem[] }): string[] {
  return format.diagnostics.map((p) => `warning: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
}

/** Turns a load failure into a CommandError: one reason line, then each problem with file and line. */
export function formatLoadFailure(dir: string, err: unknown): CommandError {
  if (err instanceof FormatLoadError) {
    const lines = err.problems.map(
      (p) => `  ${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}: ${p.message}`,
    );
    return new CommandError([`format ${dir} does not load (${err.problems.length} problem(s))`, ...lines].join('\n'));
  }
  const msg = err instanceof Error ? err.message : String(err);
  return new CommandError(`format ${dir} does not load: ${msg}`);
}
