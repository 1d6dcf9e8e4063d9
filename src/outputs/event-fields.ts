import type { NormalizedEvent } from '../pipeline/types.js';

/** Reads a dotted path through nested objects (normalized events are nested, not flat). */
export function getPath(event: NormalizedEvent, dotted: string): unknown {
  let cur: unknown = event;
  for (const part of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function eventId(event: NormalizedEvent): string | undefined {
  const id = getPath(event, 'event.id');
  return typeof id === 'string' ? id : undefined;
}

/** Epoch ms of `@timestamp`, or undefined when absent/unparsable. */
export function eventTimeMs(event: NormalizedEvent): number | undefined {
  const ts = event['@timestamp'];
  if (typeof ts !== 'string') return undefined;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Epoch ms of `event.created` (reception time), or undefined. */
export function createdMs(event: NormalizedEvent): number | undefined {
  const created = getPath(event, 'event.created');
  if (typeof created !== 'string') return undefined;
  const ms = Date.parse(created);
  return Number.isNaN(ms) ? undefined : ms;
}

export function stringField(event: NormalizedEvent, dotted: string): string | null {
  const v = getPath(event, dotted);
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}
