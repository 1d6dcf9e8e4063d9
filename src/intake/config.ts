import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseDurationMs, parseSize } from '../outputs/time-spec.js';
import { validate } from './config-schema.js';
import { DEFAULT_LIMITS } from './limits.js';
import type { Limits } from './limits.js';

/**
 * Server configuration: `intake.yml` and command-line flags (flags win). Example file:
 *
 *   listeners:
 *     http: 127.0.0.1:8080
 *     syslog_tcp: 127.0.0.1:5140
 *     syslog_udp: 127.0.0.1:5140
 *     syslog_tls: 127.0.0.1:6514
 *     tls: { cert: cert.pem, key: key.pem }     # HTTPS and syslog TLS
 *     syslog_default_key: KEY                  # for frames without [SEKOIA@53288 intake_key=...]
 *   intakes:
 *     - { key: 0123abcd, format: rubycat-proveit }  # built-in slug or a format folder
 *   store: sqlite:./data/intake.db                  # or "none", or { path, synchronous, max_age, max_size }
 *   outputs:
 *     - { type: elasticsearch, url: http://127.0.0.1:9200, index_prefix: intake, dead_letter: ./data/es-dead.ndjson }
 *     - { type: ndjson, path: ./data/events.ndjson, max_size: 100MB, max_files: 10 }
 *   bus: nats://127.0.0.1:4222
 *   limits: { max_body: 16MB, max_frame: 256KB, max_queue: 100000, max_batch: 5000,
 *             request_timeout: 30s, headers_timeout: 10s, idle_timeout: 120s, max_connections: 2000 }
 *
 * Relative paths in the file are relative to the file; relative paths in flags to the working directory.
 */

export interface HostPort {
  host: string;
  port: number;
}

export interface StoreConfig {
  path: string;
  synchronous: 'full' | 'normal';
  maxAgeMs?: number;
  maxBytes?: number;
}

export type OutputConfig =
  | { type: 'ndjson'; path: string; maxBytes?: number; maxFiles?: number }
  | {
      type: 'elasticsearch' | 'opensearch';
      url: string;
      indexPrefix: string;
      deadLetter: string;
      username?: string;
      password?: string;
      apiKey?: string;
      insecure?: boolean;
    };

export interface IntakeConfig {
  http?: HostPort;
  syslogTcp?: HostPort;
  syslogUdp?: HostPort;
  syslogTls?: HostPort;
  tls?: { certFile: string; keyFile: string };
  syslogDefaultKey?: string;
  intakes: { key: string; format: string }[];
  /** null: no embedded store (bus receivers, or outputs only). */
  store: StoreConfig | null;
  outputs: OutputConfig[];
  bus?: { url: string; stream?: string; subject?: string; durable?: string };
  limits: Limits;
  /** Keys for `GET /events` and `/metrics` (none: those reads are refused). */
  readKeys?: string[];
  /** Trees of formats where an intake's format is found by slug or name (then INTAKE_FORMATS_PATH, the built-ins). */
  formatsDirs?: string[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_STORE_PATH = 'data/intake.db';
export const DEFAULT_LISTENERS = { http: '127.0.0.1:8080', syslogTcp: '127.0.0.1:5140' };

export function parseHostPort(text: string, what: string): HostPort {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(text.trim());
  if (!m || Number(m[3]) > 65535) throw new ConfigError(`${what}: expected HOST:PORT, got ${JSON.stringify(text)}`);
  return { host: m[1] ?? (m[2] || '127.0.0.1'), port: Number(m[3]) };
}

export function parseIntakeSpec(text: string): { key: string; format: string } {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) throw new ConfigError(`--intake: expected KEY=FORMAT, got ${JSON.stringify(text)}`);
  return { key: text.slice(0, eq), format: text.slice(eq + 1) };
}

function duration(value: unknown, what: string): number {
  if (typeof value === 'number') return value;
  const ms = typeof value === 'string' ? parseDurationMs(value) : undefined;
  if (ms === undefined) throw new ConfigError(`${what}: expected a duration like 30s, got ${JSON.stringify(value)}`);
  return ms;
}

function size(value: unknown, what: string): number {
  try {
    return parseSize(value as string | number);
  } catch {
    throw new ConfigError(`${what}: expected a size like 16MB, got ${JSON.stringify(value)}`);
  }
}

function parseStoreSpec(text: string, base: string): StoreConfig | null {
  if (text === 'none') return null;
  if (!text.startsWith('sqlite:')) throw new ConfigError(`store: expected sqlite:PATH or none, got ${JSON.stringify(text)}`);
  return { path: resolve(base, text.slice('sqlite:'.length)), synchronous: 'full' };
}

function parseOutputSpec(text: string, base: string): OutputConfig {
  const colon = text.indexOf(':');
  const type = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  if (type === 'ndjson') return { type, path: resolve(base, rest) };
  if (type === 'elasticsearch' || type === 'opensearch') {
    return { type, url: rest, indexPrefix: 'intake', deadLetter: resolve(base, `data/${type}-dead-letter.ndjson`) };
  }
  throw new ConfigError(`output: expected ndjson:PATH, elasticsearch:URL or opensearch:URL, got ${JSON.stringify(text)}`);
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function str(v: unknown, what: string): string {
  if (typeof v !== 'string' || !v) throw new ConfigError(`${what}: expected a string`);
  return v;
}

function fromFile(file: string): Partial<IntakeConfig> {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`${file}: ${(err as Error).message}`);
  }
  if (doc === null || doc === undefined) return {};
  if (!isObj(doc)) throw new ConfigError(`${file}: expected a mapping at the top level`);
  const problems = validate(doc);
  if (problems.length) throw new ConfigError(problems.map((p) => `${file}: ${p}`).join('\n'));
  const base = dirname(resolve(file));
  const out: Partial<IntakeConfig> = {};
  const l = doc.listeners;
  if (l !== undefined) {
    if (!isObj(l)) throw new ConfigError('listeners: expected a mapping');
    if (l.http) out.http = parseHostPort(String(l.http), 'listeners.http');
    if (l.syslog_tcp) out.syslogTcp = parseHostPort(String(l.syslog_tcp), 'listeners.syslog_tcp');
    if (l.syslog_udp) out.syslogUdp = parseHostPort(String(l.syslog_udp), 'listeners.syslog_udp');
    if (l.syslog_tls) out.syslogTls = parseHostPort(String(l.syslog_tls), 'listeners.syslog_tls');
    if (l.syslog_default_key) out.syslogDefaultKey = String(l.syslog_default_key);
    if (l.tls !== undefined) {
      if (!isObj(l.tls)) throw new ConfigError('listeners.tls: expected { cert, key }');
      out.tls = { certFile: resolve(base, str(l.tls.cert, 'listeners.tls.cert')), keyFile: resolve(base, str(l.tls.key, 'listeners.tls.key')) };
    }
  }
  if (doc.intakes !== undefined) {
    if (!Array.isArray(doc.intakes)) throw new ConfigError('intakes: expected a list of { key, format }');
    out.intakes = doc.intakes.map((item, i) => {
      if (!isObj(item)) throw new ConfigError(`intakes[${i}]: expected { key, format }`);
      const format = str(item.format, `intakes[${i}].format`);
      // A folder path is relative to the file; a bare slug stays a slug.
      return { key: str(item.key, `intakes[${i}].key`), format: format.includes('/') ? resolve(base, format) : format };
    });
  }
  const s = doc.store;
  if (s !== undefined) {
    if (typeof s === 'string') out.store = parseStoreSpec(s, base);
    else if (isObj(s)) {
      const sync = s.synchronous ?? 'full';
      if (sync !== 'full' && sync !== 'normal') throw new ConfigError('store.synchronous: full or normal');
      out.store = {
        path: resolve(base, str(s.path, 'store.path')),
        synchronous: sync,
        maxAgeMs: s.max_age === undefined ? undefined : duration(s.max_age, 'store.max_age'),
        maxBytes: s.max_size === undefined ? undefined : size(s.max_size, 'store.max_size'),
      };
    } else throw new ConfigError('store: expected sqlite:PATH, none or a mapping');
  }
  if (doc.outputs !== undefined) {
    if (!Array.isArray(doc.outputs)) throw new ConfigError('outputs: expected a list');
    out.outputs = doc.outputs.map((o, i) => {
      if (!isObj(o)) throw new ConfigError(`outputs[${i}]: expected a mapping`);
      if (o.type === 'ndjson') {
        return {
          type: 'ndjson' as const,
          path: resolve(base, str(o.path, `outputs[${i}].path`)),
          maxBytes: o.max_size === undefined ? undefined : size(o.max_size, `outputs[${i}].max_size`),
          maxFiles: o.max_files === undefined ? undefined : Number(o.max_files),
        };
      }
      if (o.type === 'elasticsearch' || o.type === 'opensearch') {
        return {
          type: o.type,
          url: str(o.url, `outputs[${i}].url`),
          indexPrefix: o.index_prefix === undefined ? 'intake' : str(o.index_prefix, `outputs[${i}].index_prefix`),
          deadLetter: resolve(base, o.dead_letter === undefined ? `data/${o.type}-dead-letter.ndjson` : str(o.dead_letter, `outputs[${i}].dead_letter`)),
          username: o.username === undefined ? undefined : String(o.username),
          password: o.password === undefined ? undefined : String(o.password),
          apiKey: o.api_key === undefined ? undefined : String(o.api_key),
          insecure: o.insecure === true,
        };
      }
      throw new ConfigError(`outputs[${i}].type: ndjson, elasticsearch or opensearch`);
    });
  }
  if (doc.bus !== undefined) {
    if (typeof doc.bus === 'string') out.bus = { url: doc.bus };
    else if (isObj(doc.bus)) {
      out.bus = {
        url: str(doc.bus.url, 'bus.url'),
        stream: doc.bus.stream === undefined ? undefined : String(doc.bus.stream),
        subject: doc.bus.subject === undefined ? undefined : String(doc.bus.subject),
        durable: doc.bus.durable === undefined ? undefined : String(doc.bus.durable),
      };
    } else throw new ConfigError('bus: expected nats://HOST:PORT or a mapping');
  }
  if (doc.read_keys !== undefined) {
    if (!Array.isArray(doc.read_keys)) throw new ConfigError('read_keys: expected a list of keys');
    out.readKeys = doc.read_keys.map((k, i) => str(k, `read_keys[${i}]`));
  }
  if (doc.limits !== undefined) {
    if (!isObj(doc.limits)) throw new ConfigError('limits: expected a mapping');
    out.limits = limitsFrom(doc.limits, { ...DEFAULT_LIMITS });
  }
  return out;
}

function limitsFrom(o: Obj, limits: Limits): Limits {
  const known: Record<string, (v: unknown) => void> = {
    max_body: (v) => (limits.maxBodyBytes = size(v, 'limits.max_body')),
    max_frame: (v) => (limits.maxFrameBytes = size(v, 'limits.max_frame')),
    max_queue: (v) => (limits.maxQueuedEvents = Number(v)),
    max_batch: (v) => (limits.maxBatch = Number(v)),
    request_timeout: (v) => (limits.requestTimeoutMs = duration(v, 'limits.request_timeout')),
    headers_timeout: (v) => (limits.headersTimeoutMs = duration(v, 'limits.headers_timeout')),
    idle_timeout: (v) => (limits.idleTimeoutMs = duration(v, 'limits.idle_timeout')),
    max_connections: (v) => (limits.maxConnections = Number(v)),
    max_connections_per_client: (v) => (limits.maxConnectionsPerClient = Number(v)),
    keep_alive_timeout: (v) => (limits.keepAliveTimeoutMs = duration(v, 'limits.keep_alive_timeout')),
    max_events: (v) => (limits.maxEventsPerRequest = Number(v)),
    max_read: (v) => (limits.maxReadBytes = size(v, 'limits.max_read')),
  };
  for (const [k, v] of Object.entries(o)) {
    const set = known[k];
    if (!set) throw new ConfigError(`limits.${k}: unknown setting (known: ${Object.keys(known).join(', ')})`);
    set(v);
  }
  return limits;
}

/** The command-line options of `serve` and `worker` (util.parseArgs), all strings but --help. */
export const CONFIG_OPTIONS = {
  config: { type: 'string' },
  http: { type: 'string' },
  'syslog-tcp': { type: 'string' },
  'syslog-udp': { type: 'string' },
  'syslog-tls': { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'syslog-default-key': { type: 'string' },
  intake: { type: 'string', multiple: true },
  store: { type: 'string' },
  synchronous: { type: 'string' },
  'retention-age': { type: 'string' },
  'retention-size': { type: 'string' },
  output: { type: 'string', multiple: true },
  bus: { type: 'string' },
  'read-key': { type: 'string', multiple: true },
  'formats-dir': { type: 'string', multiple: true },
  'max-body': { type: 'string' },
  'max-frame': { type: 'string' },
  'max-queue': { type: 'string' },
  'max-batch': { type: 'string' },
  'max-events': { type: 'string' },
  'max-connections': { type: 'string' },
  'max-connections-per-client': { type: 'string' },
  'idle-timeout': { type: 'string' },
  'keep-alive-timeout': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const d = DEFAULT_LIMITS;
const mib = (n: number) => (n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)}MB` : `${n / 1024}KB`);
const sec = (ms: number) => `${ms / 1000}s`;

export const SERVE_FLAGS_HELP = `Options:
      --config FILE            intake.yml (see docs/config.md); flags override it
      --http HOST:PORT         HTTP intake listener (default ${DEFAULT_LISTENERS.http} when no listener is set)
      --syslog-tcp HOST:PORT   syslog over TCP (default ${DEFAULT_LISTENERS.syslogTcp} when no listener is set)
      --syslog-udp HOST:PORT   syslog over UDP (best effort)
      --syslog-tls HOST:PORT   syslog over TLS (needs --tls-cert and --tls-key)
      --tls-cert FILE          certificate (PEM) for HTTPS and syslog TLS
      --tls-key FILE           its private key (PEM)
      --syslog-default-key KEY intake key for syslog frames that carry none
      --intake KEY=FORMAT      map an intake key to a format slug or name, or a format folder
                               (repeatable; none: one generated key per built-in format)
      --formats-dir DIR        a tree of formats to find --intake formats by slug, and offered by
                               the web page's playground (repeatable; also INTAKE_FORMATS_PATH,
                               colon-separated)
      --store sqlite:PATH|none embedded store (default sqlite:${DEFAULT_STORE_PATH})
      --synchronous full|normal  SQLite durability (default full: survives power loss)
      --retention-age DURATION delete events older than this (e.g. 30d; default: keep)
      --retention-size SIZE    keep the store under this size (e.g. 10GB; default: no bound)
      --output SPEC            ndjson:PATH, elasticsearch:URL or opensearch:URL (repeatable)
      --bus nats://HOST:PORT   NATS JetStream bus: serve publishes, 'intake worker' normalizes
      --read-key KEY           key for the web page at /, GET /events and /metrics (repeatable;
                               none: reads refused)
      --max-body SIZE          largest HTTP body after gunzip (default ${mib(d.maxBodyBytes)})
      --max-events N           events in one HTTP request (default ${d.maxEventsPerRequest})
      --max-frame SIZE         largest syslog frame (default ${mib(d.maxFrameBytes)})
      --max-queue N            events accepted and not yet durable (default ${d.maxQueuedEvents})
      --max-batch N            events committed at once (default ${d.maxBatch})
      --max-connections N      connections per listener (default ${d.maxConnections})
      --max-connections-per-client N  connections per listener from one address (default ${d.maxConnectionsPerClient})
      --idle-timeout DURATION  idle syslog TCP connection closed after (default ${sec(d.idleTimeoutMs)})
      --keep-alive-timeout DURATION  idle HTTP keep-alive connection closed after (default ${sec(d.keepAliveTimeoutMs)})
  -h, --help                   show this help

SIZE: 512KB, 16MB, 1GB or a number of bytes. DURATION: 30s, 5m, 2h, 7d.`;

function positiveInt(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${what}: expected a positive integer, got ${JSON.stringify(text)}`);
  return n;
}

/** Loads `--config` (if any) and applies every flag over it. Throws ConfigError. */
export function resolveConfig(argv: string[], cwd: string = process.cwd()): IntakeConfig {
  let values: { [K in keyof typeof CONFIG_OPTIONS]?: (typeof CONFIG_OPTIONS)[K] extends { multiple: true } ? string[] : (typeof CONFIG_OPTIONS)[K] extends { type: 'boolean' } ? boolean : string };
  try {
    ({ values } = parseArgs({ args: argv, options: CONFIG_OPTIONS, allowPositionals: false, strict: true }));
  } catch (err) {
    // Node's message, first line, without its hint about positionals that start with "-".
    throw new ConfigError((err as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument starting with a '-'.*$/, ''));
  }
  const one = (name: Exclude<keyof typeof CONFIG_OPTIONS, 'intake' | 'output' | 'read-key' | 'formats-dir' | 'help'>): string | undefined => values[name];
  const flags = { get: (name: 'intake' | 'output' | 'read-key' | 'formats-dir') => values[name] };

  const file = one('config');
  const base: Partial<IntakeConfig> = file ? fromFile(resolve(cwd, file)) : {};
  const config: IntakeConfig = {
    http: base.http,
    syslogTcp: base.syslogTcp,
    syslogUdp: base.syslogUdp,
    syslogTls: base.syslogTls,
    tls: base.tls,
    syslogDefaultKey: base.syslogDefaultKey,
    intakes: base.intakes ?? [],
    store: base.store === undefined ? { path: resolve(cwd, DEFAULT_STORE_PATH), synchronous: 'full' } : base.store,
    outputs: base.outputs ?? [],
    bus: base.bus,
    limits: base.limits ?? { ...DEFAULT_LIMITS },
    readKeys: base.readKeys ?? [],
  };
  for (const k of flags.get('read-key') ?? []) config.readKeys!.push(k);
  config.formatsDirs = (flags.get('formats-dir') ?? []).map((dir) => resolve(cwd, dir));
  if (one('http')) config.http = parseHostPort(one('http')!, '--http');
  if (one('syslog-tcp')) config.syslogTcp = parseHostPort(one('syslog-tcp')!, '--syslog-tcp');
  if (one('syslog-udp')) config.syslogUdp = parseHostPort(one('syslog-udp')!, '--syslog-udp');
  if (one('syslog-tls')) config.syslogTls = parseHostPort(one('syslog-tls')!, '--syslog-tls');
  if (one('syslog-default-key')) config.syslogDefaultKey = one('syslog-default-key');
  if (one('tls-cert') || one('tls-key')) {
    if (!one('tls-cert') || !one('tls-key')) throw new ConfigError('--tls-cert and --tls-key go together');
    config.tls = { certFile: resolve(cwd, one('tls-cert')!), keyFile: resolve(cwd, one('tls-key')!) };
  }
  for (const spec of flags.get('intake') ?? []) {
    const intake = parseIntakeSpec(spec);
    if (intake.format.includes('/')) intake.format = resolve(cwd, intake.format);
    config.intakes = config.intakes.filter((i) => i.key !== intake.key).concat(intake);
  }
  if (one('store')) config.store = parseStoreSpec(one('store')!, cwd);
  if (one('synchronous')) {
    const s = one('synchronous');
    if (s !== 'full' && s !== 'normal') throw new ConfigError('--synchronous: full or normal');
    if (config.store) config.store.synchronous = s;
  }
  if (one('retention-age') && config.store) config.store.maxAgeMs = duration(one('retention-age'), '--retention-age');
  if (one('retention-size') && config.store) config.store.maxBytes = size(one('retention-size'), '--retention-size');
  for (const spec of flags.get('output') ?? []) config.outputs.push(parseOutputSpec(spec, cwd));
  if (one('bus')) config.bus = { ...config.bus, url: one('bus')! };
  if (one('max-body')) config.limits.maxBodyBytes = size(one('max-body'), '--max-body');
  if (one('max-frame')) config.limits.maxFrameBytes = size(one('max-frame'), '--max-frame');
  if (one('max-queue')) config.limits.maxQueuedEvents = positiveInt(one('max-queue')!, '--max-queue');
  if (one('max-batch')) config.limits.maxBatch = positiveInt(one('max-batch')!, '--max-batch');
  if (one('max-events')) config.limits.maxEventsPerRequest = positiveInt(one('max-events')!, '--max-events');
  if (one('max-connections')) config.limits.maxConnections = positiveInt(one('max-connections')!, '--max-connections');
  if (one('max-connections-per-client')) config.limits.maxConnectionsPerClient = positiveInt(one('max-connections-per-client')!, '--max-connections-per-client');
  if (one('idle-timeout')) config.limits.idleTimeoutMs = duration(one('idle-timeout'), '--idle-timeout');
  if (one('keep-alive-timeout')) config.limits.keepAliveTimeoutMs = duration(one('keep-alive-timeout'), '--keep-alive-timeout');
  if (config.syslogTls && !config.tls) throw new ConfigError('syslog TLS listener needs a certificate (--tls-cert, --tls-key)');
  if (!config.http && !config.syslogTcp && !config.syslogUdp && !config.syslogTls) {
    config.http = parseHostPort(DEFAULT_LISTENERS.http, 'default');
    config.syslogTcp = parseHostPort(DEFAULT_LISTENERS.syslogTcp, 'default');
  }
  return config;
}
