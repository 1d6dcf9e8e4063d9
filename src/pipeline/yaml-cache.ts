/**
 * A cache of parsed YAML files, keyed by their content. Parsing the `yaml` library's way is the
 * largest part of loading a big format (measured on the 32 KB Endpoint parser: ~85 ms of parsing
 * plus ~200 ms of background JIT compilation of the parser's own code, in every process and every
 * worker thread); reading the cached JSON takes about a millisecond.
 *
 * Only values that JSON carries exactly are cached (strings, finite numbers, booleans, null, plain
 * lists and mappings); a file with anything else (timestamps, binary, sets, complex keys) is parsed
 * every time. Mapping keys that are not strings (`17:`, `yes:`) are kept with their YAML types.
 * Entries are written atomically (temporary file, then rename); any I/O problem only means a parse.
 *
 * Location: $INTAKE_CACHE_DIR, else $XDG_CACHE_HOME/intake, else ~/.cache/intake;
 * INTAKE_CACHE_DIR=off turns the cache off.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Bumped whenever what is stored (or how the YAML is read) changes. */
const CACHE_VERSION = 'yaml-1';

export type KeyPath = (string | number)[];

/** What a cache entry holds: the value, and the typed keys of mappings whose keys are not all strings. */
export interface CachedYaml {
  value: unknown;
  typedKeys: Array<[path: KeyPath, keys: unknown[]]>;
}

export function yamlCacheDir(): string | undefined {
  const configured = process.env.INTAKE_CACHE_DIR;
  if (configured === 'off') return undefined;
  if (configured) return configured;
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg ? xdg : join(homedir(), '.cache'), 'intake');
}

function entryPath(dir: string, text: string): string {
  const hash = createHash('sha256').update(CACHE_VERSION).update('\0').update(text).digest('hex');
  return join(dir, `${hash}.json`);
}

/** The cached parse of `text`, or undefined when there is none (or the cache is off or unreadable). */
export function readCachedYaml(text: string): CachedYaml | undefined {
  const dir = yamlCacheDir();
  if (dir === undefined) return undefined;
  try {
    const entry = JSON.parse(readFileSync(entryPath(dir, text), 'utf8')) as CachedYaml;
    if (!Array.isArray(entry.typedKeys) || !('value' in entry)) return undefined;
    return entry;
  } catch {
    return undefined;
  }
}

/** Stores a parse when its value is JSON-exact; silently does nothing otherwise. */
export function writeCachedYaml(text: string, entry: CachedYaml): void {
  const dir = yamlCacheDir();
  if (dir === undefined || !jsonExact(entry.value) || !entry.typedKeys.every(([, keys]) => keys.every(isScalarKey))) return;
  try {
    mkdirSync(dir, { recursive: true });
    const file = entryPath(dir, text);
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temp, JSON.stringify(entry));
    renameSync(temp, file);
  } catch {
    // A read-only or full disk only costs the next load a parse.
  }
}

function isScalarKey(key: unknown): boolean {
  return key === null || typeof key === 'string' || typeof key === 'boolean' || (typeof key === 'number' && Number.isFinite(key) && !Object.is(key, -0));
}

/** True when JSON.parse(JSON.stringify(v)) gives back exactly v. */
export function jsonExact(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return Object.getPrototypeOf(v) === Array.prototype && v.every(jsonExact);
  if (typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return false;
  for (const key of Object.keys(v)) {
    if (key === '__proto__' || !jsonExact((v as Record<string, unknown>)[key])) return false;
  }
  return true;
}
