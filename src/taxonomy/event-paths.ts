/** Reading and filling nested event fields by pre-split paths. */
import { isDict } from '../core/values.js';

export type Event = Record<string, unknown>;

export function getIn(obj: unknown, keys: readonly string[]): unknown {
  let current = obj;
  for (const key of keys) {
    if (!isDict(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** The object at `keys`, created when missing; undefined when a non-object is in the way. */
export function objectAt(event: Event, keys: readonly string[]): Event | undefined {
  let current: Event = event;
  for (const key of keys) {
    const next = current[key];
    if (next === undefined) {
      const created: Event = {};
      current[key] = created;
      current = created;
    } else if (isDict(next)) {
      current = next;
    } else {
      return undefined;
    }
  }
  return current;
}

/** Writes `value` at `parent.key` only when absent (inference never overwrites, spec 1). */
export function fillIn(event: Event, parent: readonly string[], key: string, value: unknown): void {
  const target = objectAt(event, parent);
  if (target !== undefined && target[key] === undefined) target[key] = value;
}
