/**
 * The shapes of the web page's JSON endpoints, shared by the server (src/intake/web) and the page
 * (web/src/api.ts, type-only): this file imports nothing, so the browser build can read it.
 */

/** What the page lists of a format. */
export interface FormatInfo {
  slug: string;
  name: string;
  uuid: string;
  /** The tree it was found in, "built-in", or "intake" for a configured folder outside the trees. */
  origin: string;
  /** Some intake key of the server uses it. */
  intake: boolean;
}

export type ApiEvent = Record<string, unknown>;

export interface PlaygroundResult {
  message: string;
  /** The format that made the event (with "auto", the one that parsed it); null when none did. */
  format: { slug: string; name: string } | null;
  event: ApiEvent;
  description: string | null;
  /** With an expectation: what `intake test` prints (parsing problems, then field differences). */
  test?: { passed: boolean; lines: string[] };
}

/** Counts of matching events per time bucket, oldest first. */
export interface Histogram {
  /** Start of the first bucket (ms), a multiple of bucketMs. */
  fromMs: number;
  /** End of the range shown (ms, exclusive). */
  toMs: number;
  bucketMs: number;
  counts: number[];
  total: number;
}

/** What the page shows next to a field of an event. */
export interface FieldInfo {
  type: string;
  description: string;
  /** Where the definition comes from (the format, Intake's own fields, ECS). */
  source: string;
  /** Set when the definition is the one of an enclosing field (an object), named here. */
  of?: string;
}
