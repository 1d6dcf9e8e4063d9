/**
 * A format that is compiled on first use. `--format auto` over a tree of hundreds of formats
 * reads every format's tests (to know what its events look like) but compiles only the formats
 * that an event is tried on. A format that does not load gives failure records (and one report
 * through `onLoad`) instead of stopping the run.
 */
import { readFormatTests } from './compiled-format.js';
import type { FormatEntry } from './format-registry.js';
import { loadFormat } from './load-format.js';
import type { Format, FormatManifest, FormatTestCase, InputEvent, LoadOptions, LoadProblem, NormalizedEvent, NormalizeOptions } from './types.js';

export class LazyFormat implements Format {
  private loaded: Format | Error | undefined;

  constructor(
    private readonly entry: FormatEntry,
    private readonly options: LoadOptions,
    /** Told once, when the format is compiled (with its warnings) or fails to load. */
    private readonly onLoad: (dir: string, outcome: Format | Error) => void = () => {},
  ) {}

  get dir(): string {
    return this.entry.dir;
  }
  get slug(): string {
    return this.entry.slug;
  }
  get name(): string {
    return this.entry.name;
  }
  get uuid(): string {
    return this.entry.uuid;
  }

  private format(): Format | Error {
    if (this.loaded === undefined) {
      try {
        this.loaded = loadFormat(this.entry.dir, this.options);
      } catch (err) {
        this.loaded = err instanceof Error ? err : new Error(String(err));
      }
      this.onLoad(this.entry.dir, this.loaded);
    }
    return this.loaded;
  }

  private compiled(): Format {
    const f = this.format();
    if (f instanceof Error) throw f;
    return f;
  }

  get manifest(): FormatManifest {
    return this.compiled().manifest;
  }
  get taxonomy(): Format['taxonomy'] {
    return this.compiled().taxonomy;
  }
  get ownFields(): Format['ownFields'] {
    return this.compiled().ownFields;
  }
  /** The loader's warnings once compiled; none before (asking does not compile it). */
  get diagnostics(): readonly LoadProblem[] {
    return this.loaded === undefined || this.loaded instanceof Error ? [] : this.loaded.diagnostics;
  }

  normalize(input: InputEvent, options?: NormalizeOptions): NormalizedEvent {
    const f = this.format();
    if (!(f instanceof Error)) return f.normalize(input, options);
    const error = `format ${this.entry.slug || this.entry.dir} does not load: ${f.message.split('\n')[0]}`;
    return { message: input.message, sekoiaio: { intake: { parsing_status: 'failure', parsing_error: error } } };
  }

  loadTests(): FormatTestCase[] {
    return readFormatTests(this.entry.dir);
  }
}
