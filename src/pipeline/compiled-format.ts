import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseJson } from '../core/json.js';
import { isDict } from '../core/values.js';
import { truthy } from '../language/runtime.js';
import type { Taxonomy } from '../taxonomy/index.js';
import type { EventState } from './actions.js';
import type { Entry } from './entries.js';
import { newEventId, stampMetadata, ZERO_UUID, type Metadata } from './metadata.js';
import { cloneValue } from './paths.js';
import { StageFailed } from '../stages/stage.js';
import type { Format, FormatManifest, FormatTestCase, InputEvent, LoadProblem, NormalizedEvent, NormalizeOptions } from './types.js';

type Normalizer = (event: Record<string, unknown>, warnings: string[]) => Record<string, unknown>;

interface StageFailure {
  entry: string;
  stage: string;
  reason: string;
}

/** A format compiled from its folder: runs the pipeline, then normalization, then metadata. */
export class CompiledFormat implements Format {
  readonly slug: string;
  readonly name: string;
  readonly uuid: string;

  constructor(
    readonly dir: string,
    readonly manifest: FormatManifest,
    readonly taxonomy: Taxonomy,
    readonly ownFields: Record<string, { name: string; type: string; description?: string }>,
    readonly diagnostics: readonly LoadProblem[],
    private readonly entries: readonly Entry[],
    private readonly normalizer: Normalizer,
  ) {
    this.slug = manifest.slug;
    this.name = manifest.name;
    this.uuid = manifest.uuid;
  }

  normalize(input: InputEvent, options: NormalizeOptions = {}): NormalizedEvent {
    const testMode = options.testMode === true;
    const meta: Metadata = {
      status: 'success',
      dialect: testMode ? 'test' : this.name,
      dialectUuid: testMode ? ZERO_UUID : this.uuid,
      eventId: options.eventId ?? newEventId(testMode),
      message: '',
      error: undefined,
      warnings: [],
    };
    const message = input?.message;
    if (typeof message !== 'string') {
      meta.status = 'failure';
      meta.message = message === undefined || message === null ? '' : String(message);
      meta.error = 'the input event has no "message" string';
      return stampMetadata({}, meta);
    }
    meta.message = message;
    let event: Record<string, unknown>;
    try {
      const final = envelopeOf(input);
      const outcome = this.runPipeline(input, final, options.nowMs ?? Date.now());
      event = this.normalizer(final, meta.warnings);
      if (!outcome.parsed) {
        meta.status = 'failure';
        meta.error = outcome.failures.map((f) => `stage "${f.entry}" (${f.stage}) failed: ${f.reason}`).join('; ');
      }
    } catch (err) {
      // An engine bug must cost this event only; it comes out as a failure with the raw message.
      meta.status = 'failure';
      meta.error = `internal error: ${(err as Error)?.message ?? String(err)}`;
      return stampMetadata({}, meta);
    }
    return stampMetadata(event, meta);
  }

  /**
   * Runs every entry in order. A stage failure never aborts the event (parser-language 3.3); the
   * event counts as not parsed when external stages ran and every one of them failed.
   */
  private runPipeline(original: InputEvent, final: Record<string, unknown>, nowMs: number): { parsed: boolean; failures: StageFailure[] } {
    const layers: Record<string, unknown> = {};
    const scope: Record<string, unknown> = { original, final };
    const state: EventState = { scope, final, layers, stage: null };
    const failures: StageFailure[] = [];
    let ran = 0;
    let succeeded = 0;
    for (const entry of this.entries) {
      if (entry.filter && !entry.filter(scope)) continue;
      if (entry.kind === 'custom') {
        if (entry.layered) {
          let layer = layers[entry.name] as Record<string, unknown> | undefined;
          if (layer === undefined) {
            layer = {};
            layers[entry.name] = layer;
            scope[entry.name] = layer;
          }
          state.stage = layer;
        }
        for (const action of entry.actions) action(state);
        state.stage = null;
        continue;
      }
      ran++;
      try {
        const value = entry.input(state);
        // A stage given no input (None, "", 0, an empty list: Python-false) does not run: its name
        // keeps what it held, undefined at first (`layer == null` holds), where one that runs and
        // fails is an empty layer (docs/catalog-rules/stages.md, eval.md).
        if (!truthy(value)) {
          failures.push({ entry: entry.name, stage: entry.stageName, reason: 'its input is missing or empty' });
          continue;
        }
        const result = entry.stage.run(value, { scope, nowMs });
        if (result instanceof StageFailed) {
          stageFailed(entry, result.reason, layers, scope, failures);
          continue;
        }
        const layer = entry.layerOf(result);
        layers[entry.name] = layer;
        scope[entry.name] = layer;
        succeeded++;
      } catch (err) {
        stageFailed(entry, (err as Error)?.message ?? String(err), layers, scope, failures);
      }
    }
    return { parsed: ran === 0 || succeeded > 0, failures };
  }

  loadTests(): FormatTestCase[] {
    return readFormatTests(this.dir);
  }

}

/** A stage that ran and failed: its name's layer is empty, even where an earlier entry of that name succeeded. */
function stageFailed(entry: Entry & { kind: 'external' }, reason: string, layers: Record<string, unknown>, scope: Record<string, unknown>, failures: StageFailure[]): void {
  layers[entry.name] = {};
  scope[entry.name] = layers[entry.name];
  failures.push({ entry: entry.name, stage: entry.stageName, reason });
}

/** `final` starts as a copy of the input without `message`; normalization owns `event.created` and `event.id`. */
function envelopeOf(input: InputEvent): Record<string, unknown> {
  const final: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (key !== 'message') final[key] = cloneValue(input[key]);
  }
  const event = final.event;
  if (isDict(event)) {
    delete event.created;
    delete event.id;
  }
  return final;
}

/** The test cases under `dir`/tests/*.json, sorted by file name; none when the folder is missing. */
export function readFormatTests(formatDir: string): FormatTestCase[] {
  const dir = join(formatDir, 'tests');
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return files.map((file) => {
    const path = join(dir, file);
    const data = parseJson(readFileSync(path, 'utf8'));
    if (!isDict(data) || !isDict(data.input) || !isDict(data.expected)) {
      throw new Error(`${path}: a test file must be {"input": {...}, "expected": {...}}`);
    }
    return { file: path, input: data.input as InputEvent, expected: data.expected };
  });
}

/**
 * What the tests of a format are made of, cheaply: each test file's name, size and modification
 * time (undefined when the folder cannot be read). Data derived from the tests is keyed by it.
 */
export function formatTestsStamp(formatDir: string): string | undefined {
  const dir = join(formatDir, 'tests');
  try {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    return files.map((file) => {
      const st = statSync(join(dir, file));
      return `${file}:${st.size}:${st.mtimeMs}`;
    }).join('/');
  } catch {
    return undefined;
  }
}
