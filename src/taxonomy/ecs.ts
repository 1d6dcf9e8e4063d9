/**
 * The built-in ECS field list: `@elastic/ecs`'s flat table minus the `ecs.*` field set (rule T4).
 * Normalization needs names and types only: those are kept in the derived-data cache per
 * `@elastic/ecs` version, since loading the package's full table (descriptions, examples, ...)
 * costs ~30 ms in every process and worker thread. Descriptions load the package on first use.
 */
import { createRequire } from 'node:module';
import { readEntry, writeEntry } from '../core/derived-cache.js';

interface EcsEntry {
  type: string;
  description?: string;
  short?: string;
}

const require = createRequire(import.meta.url);

let table: Record<string, EcsEntry> | undefined;

function ecsTable(): Record<string, EcsEntry> {
  return (table ??= (require('@elastic/ecs') as { EcsFlat: unknown }).EcsFlat as Record<string, EcsEntry>);
}

let ecsTypes: ReadonlyArray<readonly [name: string, type: string]> | undefined;

/** [name, type] of every built-in ECS field, in the package's order; computed once per process. */
export function builtinEcsTypes(): ReadonlyArray<readonly [string, string]> {
  if (ecsTypes === undefined) {
    const entry = `ecs-types-${(require('@elastic/ecs/package.json') as { version: string }).version}-1.json`;
    const cached = readEntry(entry);
    if (isTypeTable(cached)) ecsTypes = cached;
    else {
      const all = ecsTable();
      ecsTypes = Object.keys(all)
        .filter((name) => !name.startsWith('ecs.'))
        .map((name) => [name, all[name].type] as const);
      writeEntry(entry, ecsTypes, 'ecs-types-', entry);
    }
  }
  return ecsTypes;
}

function isTypeTable(v: unknown): v is Array<[string, string]> {
  return Array.isArray(v) && v.length > 0 && v.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string');
}

/** The full ECS description of a field, or '' (loads the package's table). */
export function ecsLongDescription(name: string): string {
  const all = ecsTable();
  return Object.hasOwn(all, name) ? (all[name].description ?? '') : '';
}

/** The short ECS description of a field (including `ecs.*`), as documentation tables show it. */
export function ecsFieldDescription(name: string): string | undefined {
  const all = ecsTable();
  if (!Object.hasOwn(all, name)) return undefined;
  return all[name].short ?? all[name].description;
}
