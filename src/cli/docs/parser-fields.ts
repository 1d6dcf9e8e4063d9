import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { yamlLib } from '../../core/yaml-lib.js';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Dotted names the format's parser writes: `set` keys and `translate` targets, sorted, unique. */
export function parserWrittenFields(formatDir: string): string[] {
  const doc: unknown = yamlLib().parse(readFileSync(join(formatDir, 'ingest', 'parser.yml'), 'utf8'));
  const names = new Set<string>();
  const stages = isRecord(doc) && isRecord(doc.stages) ? doc.stages : {};
  for (const stage of Object.values(stages)) {
    const actions = isRecord(stage) && Array.isArray(stage.actions) ? stage.actions : [];
    for (const action of actions) {
      if (!isRecord(action)) continue;
      if (isRecord(action.set)) for (const key of Object.keys(action.set)) names.add(key);
      if (isRecord(action.mapping)) {
        for (const target of Object.values(action.mapping)) if (typeof target === 'string') names.add(target);
      }
    }
  }
  return [...names].sort();
}
