/**
 * Parsed YAML files in the derived-data cache (core/derived-cache.ts), keyed by their content.
 * Parsing the `yaml` library's way is the largest part of loading a big format (measured on the
 * 32 KB Endpoint parser: ~85 ms of parsing plus ~200 ms of background JIT compilation of the
 * parser's own code, in every process and every worker thread); reading the cached JSON takes
 * about a millisecond.
 *
 * Only values that JSON carries exactly are cached (strings, finite numbers, booleans, null, plain
 * lists and mappings); a file with anything else (timestamps, binary, sets, complex keys) is parsed
 * every time. Mapping keys that are not strings (`17:`, `yes:`) are kept with their YAML types.
 */
import { createRequire } from 'node:module';
import { codeFingerprint, entryName, readEntry, writeEntry } from '../core/derived-cache.js';

let cacheKind: string | undefined;

/** Keyed by this folder's code (yaml-file.ts reads the files) and the yaml library's version. */
function kind(): string {
  if (cacheKind === undefined) {
    const yamlVersion = (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version;
    cacheKind = `yaml-${codeFingerprint(new URL('.', import.meta.url), [yamlVersion])}`;
  }
  return cacheKind;
}

export type KeyPath = (string | number)[];

/** What a cache entry holds: the value, and the typed keys of mappings whose keys are not all strings. */
export interface CachedYaml {
  value: unknown;
  typedKeys: Array<[path: KeyPath, keys: unknown[]]>;
}

function nameOf(text: string): string {
  return entryName(kind(), text);
}

/** The cached parse of `text`, or undefined when there is none (or the cache is off or unreadable). */
export function readCachedYaml(text: string): CachedYaml | undefined {
  const entry = readEntry(nameOf(text)) as CachedYaml | undefined;
  if (entry === undefined || entry === null || !Array.isArray(entry.typedKeys) || !('value' in entry)) return undefined;
  return entry;
}

/** Stores a parse when its value is JSON-exact; silently does nothing otherwise. */
export function writeCachedYaml(text: string, entry: CachedYaml): void {
  if (!jsonExact(entry.value) || !entry.typedKeys.every(([, keys]) => keys.every(isScalarKey))) return;
  writeEntry(nameOf(text), entry, 'yaml-', `${kind()}-`);
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
