import type { Format, InputEvent, NormalizedEvent, NormalizeOptions } from '../pipeline/index.js';
import { isFailure } from './failure-record.js';
import { formatSignature, jsonShape, type FormatSignature } from './format-signature.js';

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
 * Picks, per event, the format that parses it: formats whose test messages share the event's
 * shape are tried first, the others only when none of those succeeds; among successes the
 * one producing the most fields wins (ties: load order).
 */
export class FormatDetector {
  private readonly entries: { format: Format; signature: FormatSignature }[];

  constructor(readonly formats: readonly Format[]) {
    this.entries = formats.map((format) => ({ format, signature: formatSignature(format) }));
  }

  normalize(input: InputEvent, options?: NormalizeOptions): Detection {
    const message = input.message;
    let shape: ReturnType<typeof jsonShape> | null = null;
    const shapeOf = () => (shape === null ? (shape = jsonShape(message)) : shape);
    const candidates: Format[] = [];
    const others: Format[] = [];
    for (const { format, signature } of this.entries) {
      let fits: boolean;
      if (signature.kind === 'any') fits = true;
      else if (signature.kind === 'text') fits = message.startsWith(signature.prefix);
      else {
        const s = shapeOf();
        fits = s !== undefined && s.head === signature.head && signature.keys.every((k) => s.keys.includes(k));
      }
      (fits ? candidates : others).push(format);
    }
    return this.trial(input, candidates, options) ?? this.trial(input, others, options) ?? this.noMatch(input, candidates, options);
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
    intake.parsing_error = `auto: no format parsed the event${intake.parsing_error ? ` (${String(intake.parsing_error)})` : ''}`;
    return { event };
  }
}
