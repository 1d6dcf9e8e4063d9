import type { SearchRequest, SqliteStore } from '../../outputs/sqlite-store.js';
import type { Histogram } from './api-types.js';

export type { Histogram };

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
/** Bucket sizes a person reads at a glance. */
const STEPS = [S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M, H, 2 * H, 3 * H, 6 * H, 12 * H, D, 2 * D, 7 * D, 14 * D, 30 * D, 90 * D, 365 * D];

/** The smallest readable bucket size that covers `spanMs` in at most `buckets` buckets. */
export function bucketSize(spanMs: number, buckets: number): number {
  const wanted = spanMs / Math.max(1, buckets);
  const step = STEPS.find((s) => s >= wanted);
  return step ?? Math.ceil(wanted / (365 * D)) * 365 * D;
}

/**
 * The histogram of a search: over [since, until) when given, else over the matching events'
 * own times (until now when only `since` is given).
 */
export function histogramOf(store: SqliteStore, request: SearchRequest, buckets: number, nowMs: number = Date.now()): Histogram {
  const range = store.timeRange(request);
  const from = request.sinceMs ?? range.minMs;
  const to = request.untilMs ?? (request.sinceMs !== undefined ? nowMs : range.maxMs === null ? null : range.maxMs + 1);
  if (from === null || to === null || to <= from) {
    return { fromMs: from ?? nowMs, toMs: to ?? nowMs, bucketMs: bucketSize(0, buckets), counts: [], total: range.count };
  }
  const bucketMs = bucketSize(to - from, buckets);
  const fromMs = Math.floor(from / bucketMs) * bucketMs;
  const counts = new Array<number>(Math.ceil((to - fromMs) / bucketMs)).fill(0);
  for (const { bucket, count } of store.countByTime(request, fromMs, bucketMs)) {
    if (bucket >= 0 && bucket < counts.length) counts[bucket] = count;
  }
  return { fromMs, toMs: to, bucketMs, counts, total: range.count };
}
