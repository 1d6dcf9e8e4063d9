/**
 * Formats by name across format trees: the folders given with --formats-dir, then those of
 * INTAKE_FORMATS_PATH (colon-separated), then the built-in ones. Only manifests are read (a few
 * lines each), so a tree of hundreds of formats costs little until one of them is loaded.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builtinFormatDirs, findFormatDirs } from './format-dirs.js';

/** Up to this many formats are compiled at start; a larger set (auto over a tree) on first use. */
export const EAGER_FORMATS = 8;

export interface FormatEntry {
  dir: string;
  slug: string;
  name: string;
  uuid: string;
  /** The tree it was found in, or "built-in". */
  origin: string;
}

/** The trees to search: flags first, then the environment variable, without repeats. */
export function formatTrees(formatsDirs: readonly string[] = [], env: string | undefined = process.env.INTAKE_FORMATS_PATH): string[] {
  const fromEnv = (env ?? '').split(':').filter((p) => p !== '');
  return [...new Set([...formatsDirs, ...fromEnv].map((p) => resolve(p)))];
}

function manifestField(text: string, key: string): string {
  const m = new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(text);
  if (m === null) return '';
  return m[1].replace(/[ \t]+#.*$/, '').trim().replace(/^(["'])(.*)\1$/, '$2');
}

/** The entry of one format folder, from its manifest alone. */
export function entryOf(dir: string, origin: string): FormatEntry {
  let text = '';
  try {
    text = readFileSync(join(dir, '_meta', 'manifest.yml'), 'utf8');
  } catch {
    // A folder without a readable manifest is still listed; loading it reports the problem.
  }
  return { dir, slug: manifestField(text, 'slug'), name: manifestField(text, 'name'), uuid: manifestField(text, 'uuid'), origin };
}

/** Every format of the trees, then the built-in ones, in that order. */
export function listFormats(trees: readonly string[]): FormatEntry[] {
  const out: FormatEntry[] = [];
  for (const tree of trees) for (const dir of findFormatDirs(tree)) out.push(entryOf(dir, tree));
  for (const dir of builtinFormatDirs()) out.push(entryOf(dir, 'built-in'));
  return out;
}

/** The first format whose slug or name (case-insensitively) is `value`. */
export function findFormat(entries: readonly FormatEntry[], value: string): FormatEntry | undefined {
  const wanted = value.toLowerCase();
  return entries.find((e) => e.slug.toLowerCase() === wanted) ?? entries.find((e) => e.name.toLowerCase() === wanted);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/** Up to `count` slugs close to `value`: by edit distance, or containing it. */
export function closestSlugs(entries: readonly FormatEntry[], value: string, count = 3): string[] {
  const wanted = value.toLowerCase();
  const scored = entries
    .filter((e) => e.slug !== '')
    .map((e) => {
      const slug = e.slug.toLowerCase();
      const d = slug.includes(wanted) || wanted.includes(slug) ? 0.5 : editDistance(wanted, slug);
      return { slug: e.slug, d };
    })
    .filter((s) => s.d <= Math.max(2, wanted.length / 3))
    .sort((a, b) => a.d - b.d || (a.slug < b.slug ? -1 : 1));
  return [...new Set(scored.map((s) => s.slug))].slice(0, count);
}
