import type { StageFactory } from './stage.js';
import { jsonParse } from './json.js';
import { grokMatch } from './grok.js';
import { grokCaseMatch } from './grok-case-match.js';
import { kvParse } from './kv.js';
import { dsvParse } from './dsv.js';
import { cefParse } from './cef.js';
import { leefParse } from './leef.js';
import { xmlParse } from './xml.js';
import { windowsEventParse } from './windows-event.js';
import { dictParse } from './dict.js';
import { dateParse } from './date.js';

export type { StageFactory, CompiledStage, StageRunContext, StageCompileContext } from './stage.js';
export { StageError, StageConfigError } from './stage.js';

const ALL: readonly StageFactory[] = [
  jsonParse, grokMatch, grokCaseMatch, kvParse, dsvParse, cefParse, leefParse, xmlParse, windowsEventParse, dictParse, dateParse,
];

const registry = new Map<string, StageFactory>();
for (const factory of ALL) for (const name of factory.names) registry.set(name, factory);

/** The common stage registered under `name` (canonical name or alias). */
export function findStage(name: string): StageFactory | undefined {
  return registry.get(name);
}

/** Canonical names of every common stage, for error messages and docs. */
export function stageNames(): string[] {
  return ALL.map((f) => f.names[0]);
}

/** Adds a stage (used by tests and embedders); a later registration of a name wins. */
export function registerStage(factory: StageFactory): void {
  for (const name of factory.names) registry.set(name, factory);
}
