import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes a throw-away format folder and returns its path. */
export function makeFormat(parserYaml: string, fieldsYaml = '', manifestYaml?: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'intake-fmt-')), 'acme', 'gateway');
  mkdirSync(join(dir, '_meta'), { recursive: true });
  mkdirSync(join(dir, 'ingest'), { recursive: true });
  mkdirSync(join(dir, 'tests'), { recursive: true });
  writeFileSync(
    join(dir, '_meta', 'manifest.yml'),
    manifestYaml ?? 'uuid: 11111111-2222-3333-4444-555555555555\nname: Acme Gateway\nslug: acme-gateway\n',
  );
  if (fieldsYaml) writeFileSync(join(dir, '_meta', 'fields.yml'), fieldsYaml);
  writeFileSync(join(dir, 'ingest', 'parser.yml'), parserYaml);
  return dir;
}

/** fields.yml text declaring each `name: type` pair. */
export function fields(defs: Record<string, string>): string {
  return Object.entries(defs)
    .map(([name, type]) => `${name}:\n  name: ${name}\n  type: ${type}\n  description: test field\n`)
    .join('');
}

/**
 * A format whose `parsed` stage reads the message as JSON and whose `fill` stage runs
 * `actionsYaml` (the items of its action list, indented by six spaces).
 */
export function jsonFillFormat(actionsYaml: string, fieldsYaml = ''): string {
  const parser = 'name: acme\npipeline:\n  - name: parsed\n    external:\n      name: json.parse-json\n  - name: fill\n';
  return makeFormat(`${parser}stages:\n  fill:\n    actions:\n${actionsYaml}`, fieldsYaml);
}

/**
 * Runs `fn` and counts the error objects made meanwhile: every FrequentError (all template and
 * stage errors) sets Error.stackTraceLimit around its construction.
 */
export function countErrorsMade<T>(fn: () => T): { value: T; errorsMade: number } {
  let errorsMade = 0;
  const limit = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit')!;
  Object.defineProperty(Error, 'stackTraceLimit', { configurable: true, get: () => limit.value, set: () => void errorsMade++ });
  try {
    return { value: fn(), errorsMade };
  } finally {
    Object.defineProperty(Error, 'stackTraceLimit', limit);
  }
}
