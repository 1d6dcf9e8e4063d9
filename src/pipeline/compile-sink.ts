import type { LoadProblem } from './types.js';
import type { YamlFile } from './yaml-file.js';
import type { WriteCoercion } from '../taxonomy/index.js';

/**
 * Collects what compiling a parser finds wrong, each problem located by file and line.
 * Problems stop the format from loading; template syntax errors are diagnostics only, because
 * catalog formats ship a few templates that do not compile and still pass their tests
 * (the entry then evaluates as empty).
 */
export class CompileSink {
  readonly problems: LoadProblem[] = [];
  readonly diagnostics: LoadProblem[] = [];

  constructor(
    readonly yaml: YamlFile,
    readonly ignoredValues: ReadonlySet<string>,
    private readonly strictTemplates: boolean,
    /** How a `set` coerces the value it writes at a field path (by the field's declared type). */
    readonly writeCoercion: WriteCoercion = () => undefined,
  ) {}

  problem(path: readonly (string | number)[], message: string): void {
    this.problems.push({ file: this.yaml.file, line: this.yaml.lineOf(path), message: `${pathLabel(path)}: ${message}` });
  }

  /** Something the format runs without (an unknown stage or property): a diagnostic, a problem in strict mode. */
  warning(path: readonly (string | number)[], message: string): void {
    const entry: LoadProblem = { file: this.yaml.file, line: this.yaml.lineOf(path), message: `${pathLabel(path)}: ${message}` };
    (this.strictTemplates ? this.problems : this.diagnostics).push(entry);
  }

  templateProblem(path: readonly (string | number)[], err: unknown): void {
    const e = err as { message?: string; line?: number; column?: number };
    const entry: LoadProblem = {
      file: this.yaml.file,
      line: this.yaml.lineOf(path),
      message: `${pathLabel(path)}: template syntax error: ${e.message ?? String(err)}`,
    };
    (this.strictTemplates ? this.problems : this.diagnostics).push(entry);
  }

  /** A template construct accepted beyond Jinja2's grammar (a warning, never a load problem). */
  templateNote(path: readonly (string | number)[], message: string): void {
    this.diagnostics.push({ file: this.yaml.file, line: this.yaml.lineOf(path), message: `${pathLabel(path)}: template accepted leniently: ${message}` });
  }

  /** The keys of the mapping at `path` as YAML typed them (int 6, bool true, float 1.0). */
  typedKeys(path: readonly (string | number)[]): unknown[] | undefined {
    return this.yaml.typedKeys(path);
  }
}

function pathLabel(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
}
