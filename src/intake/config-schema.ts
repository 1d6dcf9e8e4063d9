/**
 * The shape of `intake.yml` as zod schemas, checked before it is interpreted: every key must be
 * known (a misspelt key is an error naming it, with the closest known key), and every value of the
 * expected kind. docs/config.md documents the same keys.
 */
import { z } from 'zod';
import type { core } from 'zod';
import { parseDurationMs, parseSize } from '../outputs/time-spec.js';

const got = (iss: { input?: unknown }) => `got ${JSON.stringify(iss.input)}`;
/** A schema's own message, except for a missing value: that one is `required` (see `general`). */
const say = (message: string | ((iss: { input?: unknown }) => string)) => (iss: Raw) =>
  missing(iss) ? undefined : typeof message === 'string' ? message : message(iss);
type Raw = { input?: unknown; path?: PropertyKey[] };
/** No value, or a key without a value (`path:`, which YAML reads as null). */
const missing = (iss: Raw) => iss.input === undefined || (iss.input === null && typeof iss.path?.at(-1) === 'string');

/** A non-empty string; a number (YAML reads `key: 1234` as one) stands for its text. */
const str = z.union([z.string().min(1, { error: 'expected a string' }), z.number()], { error: say('expected a string') });
const bool = z.boolean({ error: say('expected true or false') });
const int = (min: number) => {
  const error = say((iss) => `expected an integer >= ${min}, ${got(iss)}`);
  return z.int({ error }).min(min, { error });
};
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: say((iss) => `expected ${values.join(' or ')}, ${got(iss)}`) });
/** `30s`, `5m`, `7d` or a number of milliseconds. */
const duration = z.unknown().refine((v) => (typeof v === 'number' && v >= 0) || (typeof v === 'string' && parseDurationMs(v) !== undefined), {
  error: (iss) => `expected a duration like 30s, 5m, 7d, ${got(iss)}`,
});
/** `16MB`, `256KB` or a number of bytes. */
const size = z.unknown().refine(
  (v) => {
    try {
      return (typeof v === 'number' || typeof v === 'string') && parseSize(v) >= 0;
    } catch {
      return false;
    }
  },
  { error: (iss) => `expected a size like 256KB, 16MB, ${got(iss)}` },
);

/** Optional keys may also be present without a value (`http:` reads as null). */
const opt = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.nullish()])) as { [K in keyof T]: z.ZodOptional<z.ZodNullable<T[K]>> };

const searchOutput = (type: 'elasticsearch' | 'opensearch') =>
  z.strictObject({ type: z.literal(type), url: str, ...opt({ index_prefix: str, dead_letter: str, username: str, password: str, api_key: str, insecure: bool }) });
/** The kinds of `outputs` entries, chosen by their `type:`. */
const OUTPUTS = [z.strictObject({ type: z.literal('ndjson'), path: str, ...opt({ max_size: size, max_files: int(1) }) }), searchOutput('elasticsearch'), searchOutput('opensearch')] as const;
/** `store: sqlite:PATH` and `bus: nats://...` */
const text = z.string().min(1, { error: 'expected a string' });

export const CONFIG_SCHEMA = z.strictObject(opt({
  listeners: z.strictObject({
    ...opt({ http: str, syslog_tcp: str, syslog_udp: str, syslog_tls: str, syslog_default_key: str }),
    tls: z.strictObject({ cert: str, key: str }).nullish(),
  }),
  intakes: z.array(z.strictObject({ key: str, format: str })),
  store: z.union([text, z.strictObject({ path: str, ...opt({ synchronous: oneOf(['full', 'normal']), max_age: duration, max_size: size }) })], {
    error: 'expected sqlite:PATH, none or a mapping { path, synchronous, max_age, max_size }',
  }),
  outputs: z.array(
    z.discriminatedUnion('type', OUTPUTS, {
      error: (iss) => (iss.code === 'invalid_union' ? `expected ${OUTPUTS.map((o) => o.shape.type.value).join(', ')}, got ${JSON.stringify((iss.input as { type?: unknown }).type)}` : undefined),
    }),
  ),
  bus: z.union([text, z.strictObject({ url: str, ...opt({ stream: str, subject: str, durable: str }) })], {
    error: 'expected nats://HOST:PORT or a mapping { url, stream, subject, durable }',
  }),
  read_keys: z.array(str),
  limits: z.strictObject(opt({
    max_body: size, max_frame: size, max_queue: int(1), max_batch: int(1), max_events: int(1), max_read: size,
    request_timeout: duration, headers_timeout: duration, idle_timeout: duration, keep_alive_timeout: duration,
    max_connections: int(1), max_connections_per_client: int(1),
  })),
}));

/** The messages that do not depend on one schema: a missing key, a value that is not a list or a mapping. */
const general: core.$ZodErrorMap = (iss) => {
  if (missing(iss)) return 'required';
  if (iss.code !== 'invalid_type') return undefined;
  return iss.expected === 'array' ? 'expected a list' : iss.expected === 'object' ? 'expected a mapping' : undefined;
};

/** The problems of `value` against `schema`, each as "path: what is wrong", in document order; empty when valid. */
export function validate(value: unknown, schema: z.ZodType = CONFIG_SCHEMA): string[] {
  const result = schema.safeParse(value, { error: general, reportInput: true });
  if (result.success) return [];
  return flatten(schema, value, result.error.issues, [])
    .sort((a, b) => compareInDocument(value, a.path, b.path))
    .map(({ path, message }) => `${formatPath(path) || '(top level)'}: ${message}`);
}

type Problem = { path: PropertyKey[]; message: string };

function flatten(schema: z.ZodType, doc: unknown, issues: readonly core.$ZodIssue[], base: PropertyKey[]): Problem[] {
  return issues.flatMap((iss): Problem[] => {
    const path = [...base, ...iss.path];
    if (iss.code === 'unrecognized_keys') {
      const known = knownKeys(schema, doc, path);
      return iss.keys.map((key) => ({ path: [...path, key], message: unknownKey(key, known) }));
    }
    if (iss.code === 'invalid_union' && iss.errors.length) {
      // Report the problems of the one option of the value's kind (a string, or a mapping), if any.
      const fitting = iss.errors.filter((errs) => !(errs.length === 1 && errs[0]!.code === 'invalid_type' && errs[0]!.path.length === 0));
      if (fitting.length === 1) return flatten(schema, doc, fitting[0]!, path);
    }
    return [{ path, message: iss.message }];
  });
}

function unknownKey(key: string, known: string[]): string {
  const near = known.map((k) => [k, distance(key, k)] as const).sort((x, y) => x[1] - y[1])[0];
  const hint = near && near[1] <= Math.max(2, Math.floor(key.length / 3)) ? `; did you mean ${near[0]}?` : '';
  return `unknown key (known: ${known.join(', ')}${hint})`;
}

/** The keys that `schema` knows for the mapping at `path` of `doc` (a union: the option that fits the value). */
function knownKeys(schema: z.ZodType, doc: unknown, path: PropertyKey[]): string[] {
  let s = schema as unknown as core.$ZodTypes;
  let node = doc;
  for (let i = 0; ; ) {
    const def = s._zod.def;
    if (def.type === 'optional' || def.type === 'nullable') s = def.innerType as core.$ZodTypes;
    else if (def.type === 'union') {
      const fits = def.options.find((o) => o._zod.def.type === 'object' && literalsMatch(o as core.$ZodObject, node));
      if (!fits) return [];
      s = fits as core.$ZodTypes;
    } else if (i === path.length) return def.type === 'object' ? Object.keys(def.shape) : [];
    else {
      const key = path[i++]!;
      const next = def.type === 'object' ? def.shape[key as string] : def.type === 'array' ? def.element : undefined;
      if (!next) return [];
      s = next as core.$ZodTypes;
      node = (node as Record<PropertyKey, unknown> | null)?.[key];
    }
  }
}

/** Whether `value` is a mapping whose values fit the literal fields (a discriminator) of `object`. */
function literalsMatch(object: core.$ZodObject, value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(object._zod.def.shape).every(([k, f]) => f._zod.def.type !== 'literal' || (f._zod.def as core.$ZodLiteralDef<core.util.Literal>).values.includes((value as Record<string, unknown>)[k] as core.util.Literal));
}

function compareInDocument(doc: unknown, a: PropertyKey[], b: PropertyKey[]): number {
  let node = doc;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return position(node, a[i]!) - position(node, b[i]!);
    node = (node as Record<PropertyKey, unknown>)?.[a[i]!];
  }
  return a.length - b.length;
}

/** Where `key` stands in `node` (a missing key, reported as required, after the present ones). */
function position(node: unknown, key: PropertyKey): number {
  if (typeof key === 'number') return key;
  const at = node !== null && typeof node === 'object' ? Object.keys(node).indexOf(String(key)) : -1;
  return at < 0 ? Number.MAX_SAFE_INTEGER : at;
}

const formatPath = (path: PropertyKey[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${String(p)}` : String(p))).join('');

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}
