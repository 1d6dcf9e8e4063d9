import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadBuiltinFormats, loadFormat } from '../index.js';
import { closestSlugs, findFormat, formatTrees, listFormats } from '../pipeline/format-registry.js';
import type { Format } from '../pipeline/types.js';
import { ConfigError } from './config.js';
import type { IntakeConfig } from './config.js';
import type { IntakeFormats } from './normalizer.js';

function formatDir(spec: string, formatsDirs: readonly string[]): string {
  if (existsSync(spec) && statSync(spec).isDirectory()) return spec;
  const entries = listFormats(formatTrees(formatsDirs));
  const found = findFormat(entries, spec);
  if (found === undefined) {
    const close = closestSlugs(entries, spec);
    const hint = close.length > 0 ? `; did you mean ${close.map((c) => `"${c}"`).join(', ')}?` : '';
    throw new ConfigError(`format ${JSON.stringify(spec)}: neither a known format slug nor a format folder${hint}`);
  }
  return found.dir;
}

/** Loads the format of every configured intake (each folder once). Throws FormatLoadError/ConfigError. */
export function loadIntakeFormats(intakes: IntakeConfig['intakes'], formatsDirs: readonly string[] = []): IntakeFormats {
  const byDir = new Map<string, Format>();
  const out: IntakeFormats = new Map();
  for (const { key, format } of intakes) {
    const dir = formatDir(format, formatsDirs);
    let loaded = byDir.get(dir);
    if (!loaded) byDir.set(dir, (loaded = loadFormat(dir)));
    out.set(key, loaded);
  }
  return out;
}

/**
 * No intake configured: one key per built-in format. Keys are kept in `keysFile` (when given)
 * so that senders keep working across restarts.
 */
export function generatedIntakes(keysFile: string | undefined): { intakes: IntakeConfig['intakes']; formats: IntakeFormats } {
  const saved: Record<string, string> = keysFile && existsSync(keysFile) ? JSON.parse(readFileSync(keysFile, 'utf8')) : {};
  const formats: IntakeFormats = new Map();
  const intakes: IntakeConfig['intakes'] = [];
  for (const format of loadBuiltinFormats()) {
    const key = saved[format.slug] ?? randomBytes(16).toString('hex');
    saved[format.slug] = key;
    formats.set(key, format);
    intakes.push({ key, format: format.slug });
  }
  if (keysFile) {
    mkdirSync(dirname(keysFile), { recursive: true });
    writeFileSync(keysFile, JSON.stringify(saved, null, 2) + '\n');
  }
  return { intakes, formats };
}

export function keysFileFor(config: IntakeConfig): string | undefined {
  return config.store ? join(dirname(config.store.path), 'generated-intake-keys.json') : undefined;
}

/**
 * No read key configured with generated intakes (the quick start): one read key, kept in
 * `file` like the intake keys, so `GET /events` and `/metrics` work without a config.
 */
export function generatedReadKey(file: string): string {
  if (existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    if (saved) return saved;
  }
  const key = randomBytes(16).toString('hex');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}
