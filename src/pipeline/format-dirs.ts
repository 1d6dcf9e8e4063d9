/**
 * Where formats are, without loading any: the package root, format folders below a root, the
 * built-in ones by slug or name. Kept apart from loading so that a thread that only orchestrates
 * (the main thread of `normalize --workers`) does not import the engine.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFormat, listFormats } from './format-registry.js';

/** The package root (where package.json and formats/ live), from src/ or dist/src/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'intake') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the intake package root');
    dir = parent;
  }
}

/** Every folder below `root` that holds a format (`ingest/parser.yml`), sorted. */
export function findFormatDirs(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (existsSync(join(dir, 'ingest', 'parser.yml'))) {
      out.push(dir);
      return;
    }
    if (depth > 4) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') walk(join(dir, entry.name), depth + 1);
    }
  };
  if (existsSync(root)) walk(root, 0);
  return out.sort();
}

export function builtinFormatDirs(): string[] {
  return findFormatDirs(join(packageRoot(), 'formats'));
}

/** The folder of the built-in format whose slug (or name, case-insensitively) is `slugOrName`. */
export function findBuiltinFormat(slugOrName: string): string | undefined {
  return findFormat(listFormats([]), slugOrName)?.dir;
}
