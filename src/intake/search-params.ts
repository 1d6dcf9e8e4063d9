import { QuerySyntaxError } from '../outputs/query.js';
import type { SearchRequest } from '../outputs/sqlite-store.js';
import { parseTimeSpec } from '../outputs/time-spec.js';
import { HttpError } from './http-body.js';

/** The search of a read request: `q`, `since`, `until`, `limit` (1 to `maxLimit`, default 100). */
export function searchRequestOf(params: URLSearchParams, maxLimit: number, nowMs: number = Date.now()): SearchRequest {
  const since = params.get('since');
  const until = params.get('until');
  return badRequestOn(() => ({
    query: params.get('q') ?? '',
    sinceMs: since ? parseTimeSpec(since, nowMs) : undefined,
    untilMs: until ? parseTimeSpec(until, nowMs) : undefined,
    limit: Math.min(maxLimit, Math.max(1, Number(params.get('limit') ?? 100) || 100)),
  }));
}

/** Runs `step`; a bad query or time becomes a 400 answer. */
export function badRequestOn<T>(step: () => T): T {
  try {
    return step();
  } catch (err) {
    if (err instanceof QuerySyntaxError || (err as Error).message.startsWith('not a time')) throw new HttpError(400, (err as Error).message);
    throw err;
  }
}
