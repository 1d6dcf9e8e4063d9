/**
 * The shape of `intake.yml`, checked before it is interpreted: every key must be known (a
 * misspelt key is an error naming it, with the closest known key), and every value of the
 * expected kind. docs/config.md documents the same keys.
 */
import { parseDurationMs, parseSize } from '../outputs/time-spec.js';

export type Schema =
  | { kind: 'string' }
  | { kind: 'integer'; min?: number }
  | { kind: 'boolean' }
  /** `30s`, `5m`, `7d` or a number of milliseconds. */
  | { kind: 'duration' }
  /** `16MB`, `256KB` or a number of bytes. */
  | { kind: 'size' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'map'; fields: Record<string, Schema>; required?: string[] }
  | { kind: 'list'; of: Schema }
  /** A mapping chosen by its `type:` value. */
  | { kind: 'tagged'; tag: string; variants: Record<string, { fields: Record<string, Schema>; required?: string[] }> }
  | { kind: 'either'; options: Schema[]; expected: string };

const str: Schema = { kind: 'string' };
const int = (min = 0): Schema => ({ kind: 'integer', min });
const duration: Schema = { kind: 'duration' };
const size: Schema = { kind: 'size' };

export const CONFIG_SCHEMA: Schema = {
  kind: 'map',
  fields: {
    listeners: {
      kind: 'map',
      fields: {
        http: str, syslog_tcp: str, syslog_udp: str, syslog_tls: str, syslog_default_key: str,
        tls: { kind: 'map', fields: { cert: str, key: str }, required: ['cert', 'key'] },
      },
    },
    intakes: { kind: 'list', of: { kind: 'map', fields: { key: str, format: str }, required: ['key', 'format'] } },
    store: {
      kind: 'either',
      expected: 'sqlite:PATH, none or a mapping { path, synchronous, max_age, max_size }',
      options: [str, {
        kind: 'map',
        fields: { path: str, synchronous: { kind: 'enum', values: ['full', 'normal'] }, max_age: duration, max_size: size },
        required: ['path'],
      }],
    },
    outputs: {
      kind: 'list',
      of: {
        kind: 'tagged',
        tag: 'type',
        variants: {
          ndjson: { fields: { type: str, path: str, max_size: size, max_files: int(1) }, required: ['path'] },
          elasticsearch: { fields: { type: str, url: str, index_prefix: str, dead_letter: str, username: str, password: str, api_key: str, insecure: { kind: 'boolean' } }, required: ['url'] },
          opensearch: { fields: { type: str, url: str, index_prefix: str, dead_letter: str, username: str, password: str, api_key: str, insecure: { kind: 'boolean' } }, required: ['url'] },
        },
      },
    },
    bus: {
      kind: 'either',
      expected: 'nats://HOST:PORT or a mapping { url, stream, subject, durable }',
      options: [str, { kind: 'map', fields: { url: str, stream: str, subject: str, durable: str }, required: ['url'] }],
    },
    read_keys: { kind: 'list', of: str },
    limits: {
      kind: 'map',
      fields: {
        max_body: size, max_frame: size, max_queue: int(1), max_batch: int(1), max_events: int(1), max_read: size,
        request_timeout: duration, headers_timeout: duration, idle_timeout: duration, keep_alive_timeout: duration,
        max_connections: int(1), max_connections_per_client: int(1),
      },
    },
  },
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

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

function unknownKey(key: string, known: string[], at: string): string {
  const near = known.map((k) => [k, distance(key, k)] as const).sort((x, y) => x[1] - y[1])[0];
  const hint = near && near[1] <= Math.max(2, Math.floor(key.length / 3)) ? `; did you mean ${near[0]}?` : '';
  return `${at}: unknown key (known: ${known.join(', ')}${hint})`;
}

const isDuration = (v: unknown) => (typeof v === 'number' && v >= 0) || (typeof v === 'string' && parseDurationMs(v) !== undefined);
const isSize = (v: unknown) => {
  try {
    return (typeof v === 'number' || typeof v === 'string') && parseSize(v) >= 0;
  } catch {
    return false;
  }
};

/** The problems of `value` against `schema`, each as "path: what is wrong"; empty when valid. */
export function validate(value: unknown, schema: Schema, at = ''): string[] {
  const here = at || '(top level)';
  const join = (key: string) => (at ? `${at}.${key}` : key);
  switch (schema.kind) {
    case 'string':
      return typeof value === 'string' && value !== '' ? [] : typeof value === 'number' ? [] : [`${here}: expected a string`];
    case 'integer':
      return Number.isInteger(value) && (value as number) >= (schema.min ?? 0) ? [] : [`${here}: expected an integer >= ${schema.min ?? 0}, got ${JSON.stringify(value)}`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${here}: expected true or false`];
    case 'duration':
      return isDuration(value) ? [] : [`${here}: expected a duration like 30s, 5m, 7d, got ${JSON.stringify(value)}`];
    case 'size':
      return isSize(value) ? [] : [`${here}: expected a size like 256KB, 16MB, got ${JSON.stringify(value)}`];
    case 'enum':
      return schema.values.includes(value as string) ? [] : [`${here}: expected ${schema.values.join(' or ')}, got ${JSON.stringify(value)}`];
    case 'list':
      if (!Array.isArray(value)) return [`${here}: expected a list`];
      return value.flatMap((item, i) => validate(item, schema.of, `${at}[${i}]`));
    case 'map':
      return validateMap(value, schema.fields, schema.required ?? [], at, join);
    case 'tagged': {
      if (!isObj(value)) return [`${here}: expected a mapping`];
      const tag = value[schema.tag];
      const variant = typeof tag === 'string' ? schema.variants[tag] : undefined;
      if (!variant) return [`${join(schema.tag)}: expected ${Object.keys(schema.variants).join(', ')}, got ${JSON.stringify(tag)}`];
      return validateMap(value, variant.fields, variant.required ?? [], at, join);
    }
    case 'either': {
      for (const option of schema.options) {
        const fits = option.kind === 'map' ? isObj(value) : option.kind === 'string' ? typeof value === 'string' : true;
        if (fits) return validate(value, option, at);
      }
      return [`${here}: expected ${schema.expected}`];
    }
  }
}

function validateMap(value: unknown, fields: Record<string, Schema>, required: string[], at: string, join: (k: string) => string): string[] {
  if (!isObj(value)) return [`${at || '(top level)'}: expected a mapping`];
  const problems: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const field = fields[key];
    if (!field) problems.push(unknownKey(key, Object.keys(fields), join(key)));
    else if (v !== null && v !== undefined) problems.push(...validate(v, field, join(key)));
  }
  for (const key of required) if (value[key] === undefined || value[key] === null) problems.push(`${join(key)}: required`);
  return problems;
}
