/**
 * A directory of JSON files derived from inputs that rarely change (parsed format files, the ECS
 * type table), so that a process or worker thread does not redo that work at every start.
 * Entries are named by their callers (a content hash, a package version) and written atomically
 * (temporary file, then rename); any I/O problem only means the work is redone.
 *
 * Location: $INTAKE_CACHE_DIR, else $XDG_CACHE_HOME/intake, else ~/.cache/intake;
 * INTAKE_CACHE_DIR=off turns the cache off.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function cacheDir(): string | undefined {
  const configured = process.env.INTAKE_CACHE_DIR;
  if (configured === 'off') return undefined;
  if (configured) return configured;
  // Relative locations (an empty HOME) would scatter caches over working directories: ignored.
  const xdg = process.env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'intake');
  let home: string;
  try {
    home = homedir();
  } catch {
    return undefined; // no home directory (a service account): no cache, nothing breaks
  }
  return isAbsolute(home) ? join(home, '.cache', 'intake') : undefined;
}

/** A file name for an entry keyed by text: its kind and the SHA-256 of the text. */
export function entryName(kind: string, keyText: string, extension = 'json'): string {
  return `${kind}-${createHash('sha256').update(keyText).digest('hex')}.${extension}`;
}

/** The parsed entry, or undefined when there is none (or the cache is off or unreadable). */
export function readEntry(name: string): unknown {
  const bytes = readBytesEntry(name);
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The bytes of an entry, or undefined when there is none (or the cache is off or unreadable). */
export function readBytesEntry(name: string): Buffer | undefined {
  const dir = cacheDir();
  if (dir === undefined) return undefined;
  try {
    return readFileSync(join(dir, name));
  } catch {
    return undefined;
  }
}

const pruned = new Set<string>();

/**
 * Entries of another kind (made by other code) are removed only once this old: two versions of
 * Intake in use side by side (an installed one and a checkout, CI and a developer) would otherwise
 * remove each other's entries at every start and redo that work each time.
 */
const OTHER_KIND_KEPT_MS = 7 * 24 * 3600 * 1000;

/**
 * Stores an entry (JSON); silently does nothing when the cache is off or cannot be written.
 * `family` (e.g. `yaml-`) and `kind` (e.g. `yaml-<code fingerprint>-`): the first write of a process
 * removes the family's entries of other kinds that are over a week old, which other versions of
 * Intake made and this one never reads, so the directory does not grow with every upgrade.
 */
export function writeEntry(name: string, value: unknown, family?: string, kind?: string): void {
  writeBytesEntry(name, JSON.stringify(value), family, kind);
}

/** Stores an entry of bytes, as writeEntry does. */
export function writeBytesEntry(name: string, bytes: string | Uint8Array, family?: string, kind?: string): void {
  const dir = cacheDir();
  if (dir === undefined) return;
  if (family !== undefined && kind !== undefined && !pruned.has(family)) {
    pruned.add(family);
    pruneStale(dir, family, kind);
  }
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, name);
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, file);
  } catch {
    // A read-only or full disk only costs the next start the work.
  }
}

function pruneStale(dir: string, family: string, kind: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const cutoff = Date.now() - OTHER_KIND_KEPT_MS;
  for (const name of names) {
    if (!name.startsWith(family) || name.startsWith(kind)) continue;
    try {
      const file = join(dir, name);
      if (statSync(file).mtimeMs < cutoff) unlinkSync(file);
    } catch {
      // Another process may have removed it first.
    }
  }
}

/**
 * A digest of the code that derives an entry: every file of `dir` (a folder URL) plus `extra`
 * texts (a library version). Part of each entry's key, so that entries made by other code (an
 * older Intake) are never read. Reading a folder of modules costs well under a millisecond.
 */
export function codeFingerprint(dir: URL, extra: string[] = []): string {
  const hash = createHash('sha256');
  const path = fileURLToPath(dir);
  for (const name of readdirSync(path).sort()) {
    if (!/\.(?:js|ts)$/.test(name)) continue;
    hash.update(name).update('\0').update(readFileSync(join(path, name))).update('\0');
  }
  for (const text of extra) hash.update(text).update('\0');
  return hash.digest('hex').slice(0, 16);
}
