import { parseJson } from '../../core/json.js';
import { isDict } from '../../core/values.js';
import type { Format, NormalizedEvent } from '../../pipeline/types.js';
import { formatDifferences, diffEvents } from '../../testing/diff.js';
import { eventMatches } from '../../testing/compare.js';
import { parsingProblems } from '../../testing/runner.js';
import { HttpError } from '../http-body.js';
import type { PlaygroundResult } from './api-types.js';
import type { WebCatalog } from './catalog.js';

export type { PlaygroundResult };

/** POST /api/playground: raw events to normalize with a format (or "auto"), never stored. */
export interface PlaygroundRequest {
  format: string;
  /** The pasted text: one event per line, or one event when `split` is "whole". */
  input: string;
  split: 'lines' | 'whole';
  /** JSON: an expected event (compared with the first), a list of them, or a catalog test file. */
  expected?: string;
}

function field(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new HttpError(400, `"${key}" must be a string`);
  return v;
}

/** Checks the JSON body of the request. */
export function playgroundRequest(body: unknown): PlaygroundRequest {
  if (!isDict(body)) throw new HttpError(400, 'expected a JSON object {format, input, split?, expected?}');
  const format = field(body, 'format');
  const input = field(body, 'input');
  const split = field(body, 'split') ?? 'lines';
  if (!format) throw new HttpError(400, '"format" is required (a format slug or name, or "auto")');
  if (input === undefined) throw new HttpError(400, '"input" is required (the raw events)');
  if (split !== 'lines' && split !== 'whole') throw new HttpError(400, '"split" must be "lines" or "whole"');
  return { format, input, split, expected: field(body, 'expected') };
}

function messagesOf(request: PlaygroundRequest): string[] {
  if (request.split === 'whole') return request.input === '' ? [] : [request.input];
  return request.input.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '');
}

/** The expectation of each event, by position. */
function expectationsOf(text: string | undefined): (Record<string, unknown> | undefined)[] {
  if (text === undefined || text.trim() === '') return [];
  let doc: unknown;
  try {
    doc = parseJson(text);
  } catch (err) {
    throw new HttpError(400, `expected: not JSON: ${(err as Error).message}`);
  }
  if (isDict(doc) && isDict(doc.expected) && 'input' in doc) doc = doc.expected;
  const list = Array.isArray(doc) ? doc : [doc];
  return list.map((e, i) => {
    if (!isDict(e)) throw new HttpError(400, `expected: event ${i + 1} is not a JSON object`);
    return e;
  });
}

export function runPlayground(catalog: WebCatalog, request: PlaygroundRequest, maxEvents: number): PlaygroundResult[] {
  const messages = messagesOf(request);
  if (messages.length > maxEvents) throw new HttpError(413, `at most ${maxEvents} events at a time`);
  const expectations = expectationsOf(request.expected);
  const auto = request.format === 'auto';
  const chosen = auto ? undefined : catalog.find(request.format);
  if (!auto && chosen === undefined) {
    const close = catalog.suggest(request.format);
    throw new HttpError(400, `unknown format ${JSON.stringify(request.format)}${close.length ? `; did you mean ${close.join(', ')}?` : ''}`);
  }
  // With an expectation the events are made as `intake test` makes them (catalog test mode).
  const testMode = expectations.length > 0;
  return messages.map((message, i) => {
    let format: Format | undefined = chosen;
    let event: NormalizedEvent;
    if (auto) ({ event, format } = catalog.detector().normalize({ message }, { testMode }));
    else event = chosen!.normalize({ message }, { testMode });
    const result: PlaygroundResult = {
      message,
      format: format === undefined ? null : { slug: format.slug, name: format.name },
      event,
      description: catalog.describe(format, event)?.text ?? null,
    };
    const expected = expectations[i];
    if (expected !== undefined) {
      const problems = parsingProblems(event);
      const matches = eventMatches(expected, event);
      const lines = [...problems, ...(matches ? [] : formatDifferences(diffEvents(expected, event)))];
      result.test = { passed: matches && problems.length === 0, lines };
    }
    return result;
  });
}
