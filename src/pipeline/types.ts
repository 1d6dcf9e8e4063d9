import type { Taxonomy } from '../taxonomy/index.js';

/** An input event as the catalog's tests and the HTTP/syslog intakes give it. */
export interface InputEvent {
  message: string;
  [envelope: string]: unknown;
}

export type NormalizedEvent = Record<string, unknown>;

export interface NormalizeOptions {
  /** "now" in epoch ms (year-less dates, reception time). Default: Date.now(). */
  nowMs?: number;
  /** Catalog test mode: dialect "test", zero dialect_uuid and event.id (parser-language 9.2). */
  testMode?: boolean;
  /** event.id to stamp (the intake's UUID); default: a fresh random UUID (zero UUID in test mode). */
  eventId?: string;
}

export interface FormatManifest {
  uuid: string;
  name: string;
  slug: string;
  description?: string;
  data_sources?: Record<string, string>;
  [key: string]: unknown;
}

export interface FormatTestCase {
  file: string;
  input: InputEvent;
  expected: Record<string, unknown>;
}

/** A loaded, compiled format: parse once, normalize many. */
export interface Format {
  readonly dir: string;
  readonly slug: string;
  readonly name: string;
  readonly uuid: string;
  readonly manifest: FormatManifest;
  readonly taxonomy: Taxonomy;
  /** Fields declared by the format's own fields.yml (dotted name → definition object). */
  readonly ownFields: Record<string, { name: string; type: string; description?: string }>;
  /** Non-fatal findings of the loader (templates that do not compile evaluate as empty), with file and line. */
  readonly diagnostics: readonly LoadProblem[];
  /** Never throws: a failed event comes back with parsing_status "failure" and parsing_error. */
  normalize(input: InputEvent, options?: NormalizeOptions): NormalizedEvent;
  /** The test cases under tests/*.json, sorted by file name. */
  loadTests(): FormatTestCase[];
}

export interface LoadOptions {
  /** Extra taxonomy files (same shape as fields.yml), e.g. a catalog's global extension list. */
  taxonomyFiles?: string[];
  /** Treat template syntax errors as load errors instead of diagnostics. */
  strict?: boolean;
}

export interface LoadProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

/** Thrown by loadFormat: lists every problem found, each with file and line. */
export class FormatLoadError extends Error {
  constructor(readonly dir: string, readonly problems: LoadProblem[]) {
    super(
      `format ${dir} does not load:\n` +
        problems.map((p) => `  ${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}: ${p.message}`).join('\n'),
    );
    this.name = 'FormatLoadError';
  }
}
