import { EAGER_FORMATS } from '../pipeline/format-registry.js';
import type { Format, InputEvent, NormalizedEvent, NormalizeOptions } from '../pipeline/index.js';
import { isFailure } from './failure-record.js';
import type { FormatIndex } from './format-index.js';
import { formatIndexOf } from './format-index-cache.js';
import { formatSignature, MAX_HEAD, type FormatSignature } from './format-signature.js';

/** Result of normalizing with the format the detector picked (none when no format parsed the event). */
export interface Detection {
  event: NormalizedEvent;
  format?: Format;
}

function countLeaves(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 1;
  if (Array.isArray(value)) return value.length === 0 ? 1 : value.reduce((n: number, v) => n + countLeaves(v), 0);
  let n = 0;
  for (const v of Object.values(value)) n += countLeaves(v);
  return n;
}

/**
 * Cheap preselection, no parsing: the JSON head must match and each signature key must appear
 * quoted in the text (a heuristic; trial parsing decides).
 */
function fits(signature: FormatSignature, message: string): boolean {
  if (signature.kind === 'any') return true;
  if (signature.kind === 'text') return message.startsWith(signature.prefix);
  const start = message.indexOf('{');
  if (start < 0) return false;
  if (signature.head === null ? start > MAX_HEAD : message.slice(0, start) !== signature.head) return false;
  for (const quoted of signature.quotedKeys) if (!message.includes(quoted)) return false;
  return true;
}

/** Longer keys first: they are the rarer ones, so a message that does not fit fails sooner. */
function probeOrder(signature: FormatSignature): FormatSignature {
  if (signature.kind !== 'json') return signature;
  return { ...signature, quotedKeys: [...signature.quotedKeys].sort((a, b) => b.length - a.length) };
}

/** How many of the likeliest formats are tried, in order, before the event is a failure. */
const TRIED = 4;

/**
 * Picks, per event, the format that parses it. With few formats, those whose test messages share
 * the event's shape are tried first, the others only when none of those succeeds, and among
 * successes the one producing the most fields wins (ties: load order). With many, the formats
 * most like the event (FormatIndex) are tried in order of likeness and the first that parses it
 * wins.
 */
export class FormatDetector {
  private readonly entries: { format: Format; signature: FormatSignature }[];
  private readonly index: FormatIndex | undefined;

  constructor(readonly formats: readonly Format[]) {
    // As many as are compiled at start (EAGER_FORMATS): a larger set is compiled only where tried.
    const many = formats.length > EAGER_FORMATS;
    this.index = many ? formatIndexOf(formats) : undefined;
    this.entries = many ? [] : formats.map((format) => ({ format, signature: probeOrder(formatSignature(format)) }));
  }

  normalize(input: InputEvent, options?: NormalizeOptions): Detection {
    const message = input.message;
    if (this.index !== undefined) return this.byLikeness(input, this.index, options);
    const candidates: Format[] = [];
    const others: Format[] = [];
    for (const { format, signature } of this.entries) (fits(signature, message) ? candidates : others).push(format);
    // The common case: one format fits and parses it; no need to compare field counts.
    if (candidates.length === 1) {
      const event = candidates[0].normalize(input, options);
      if (!isFailure(event)) return { event, format: candidates[0] };
      return this.trial(input, others, options) ?? this.noMatch(input, candidates, options);
    }
    return this.trial(input, candidates, options) ?? this.trial(input, others, options) ?? this.noMatch(input, candidates, options);
  }

  private byLikeness(input: InputEvent, index: FormatIndex, options?: NormalizeOptions): Detection {
    const tried: Format[] = [];
    for (const position of index.rank(input.message, TRIED)) {
      const format = this.formats[position];
      const event = format.normalize(input, options);
      if (!isFailure(event)) return { event, format };
      tried.push(format);
    }
    return this.noMatch(input, tried, options);
  }

  private trial(input: InputEvent, formats: Format[], options?: NormalizeOptions): Detection | undefined {
    let best: Detection | undefined;
    let bestFields = -1;
    for (const format of formats) {
      const event = format.normalize(input, options);
      if (isFailure(event)) continue;
      const fields = countLeaves(event);
      if (fields > bestFields) {
        best = { event, format };
        bestFields = fields;
      }
    }
    return best;
  }

  private noMatch(input: InputEvent, candidates: Format[], options?: NormalizeOptions): Detection {
    const fallback = candidates[0] ?? this.formats[0];
    const event: NormalizedEvent = fallback
      ? fallback.normalize(input, options)
      : { message: input.message, sekoiaio: { intake: { parsing_status: 'failure' } } };
    const meta = ((event.sekoiaio ??= {}) as Record<string, Record<string, unknown>>);
    const intake = (meta.intake ??= {});
    intake.parsing_status = 'failure';
    delete intake.dialect;
    delete intake.dialect_uuid;
    intake.parsing_error = `auto: no format parsed the event${intake.parsing_error ? ` (${String(intake.parsing_error)})` : ''}`;
    return { event };
  }
}
