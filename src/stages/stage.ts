/**
 * The contract every common (external) stage implements. A stage is compiled once per
 * format from its `properties`, then run once per event on the already-resolved input.
 */

import { FrequentError } from '../core/errors.js';

/** Raised while compiling a stage: the format does not load (the loader adds file and line). */
export class StageConfigError extends Error {}

/** Raised while running a stage on one event: the stage fails, the event goes on (spec 3.3). */
export class StageError extends FrequentError {
  constructor(message: string) {
    super(message);
    this.name = 'StageError';
  }
}

/**
 * A stage failure returned instead of thrown, for failures that are a normal outcome on many
 * events (a grok pattern that does not match): the pipeline treats it as a thrown StageError,
 * at the cost of a branch. Instances are made once, at compile time.
 */
export class StageFailed {
  constructor(readonly reason: string) {}
}

export type Scope = Record<string, unknown>;

/** A compiled template; renders to a native value (parser-language spec 4.2). Throws on error. */
export type ValueFn = (scope: Scope) => unknown;

export interface StageCompileContext {
  /** Compiles a templated property (grok `pattern_key`, date `timezone`). Throws on syntax errors. */
  compileTemplate(source: string): ValueFn;
  /** A load warning about one property (the loader adds file and line); the stage still runs. */
  warn?(property: string, message: string): void;
}

export interface StageRunContext {
  /** Layers, `original` and `final` as templates see them at this point of the pipeline. */
  scope: Scope;
  /** "Now" in epoch milliseconds; injectable so that year-less dates are reproducible. */
  nowMs: number;
}

export interface CompiledStage {
  /** Returns the stage result (stored as `{output_field: result}`); throws StageError, or returns a StageFailed, on failure. */
  run(input: unknown, ctx: StageRunContext): unknown;
}

export interface StageFactory {
  /** Canonical name first (`json.parse-json`), then aliases (`json.parseJSON`). */
  names: readonly string[];
  /**
   * The stage's own properties, besides `input_field`, `output_field` and `raise_errors` that every
   * stage takes; any other property gets a load warning.
   */
  properties: readonly string[];
  /** What an omitted input_field means: the original message, or the original `@timestamp`. */
  defaultInput: 'message' | '@timestamp';
  /**
   * True when the stage reads text itself: a template input_field gives the stage the rendered
   * text, not the Python value a `[...]`/`{...}` text would otherwise become.
   */
  textInput?: boolean;
  /** Throws StageConfigError with a clear message for bad properties (unknown grok pattern, bad regex). */
  compile(properties: Record<string, unknown>, ctx: StageCompileContext): CompiledStage;
}

/** The stage's input as a string; a StageError naming what it got otherwise. */
export function stringInput(input: unknown, what = 'a string'): string {
  if (typeof input !== 'string') throw new StageError(`expected ${what}, got ${input === null ? 'None' : Array.isArray(input) ? 'list' : typeof input}`);
  return input;
}

/** The text after a header marker (`CEF:`, `LEEF:`), or the whole text, left-trimmed, without one. */
export function afterMarker(input: string, marker: string): string {
  const at = input.indexOf(marker);
  return at === -1 ? input.trimStart() : input.slice(at + marker.length);
}
