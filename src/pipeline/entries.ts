import { compileValue, isTemplate } from '../language/index.js';
import { isDict } from '../core/values.js';
import { findStage, stageNames, StageConfigError, type CompiledStage, type StageFactory } from '../stages/index.js';
import { compileAction, compileFilter, describe, type Action, type EventState, type Scope } from './actions.js';
import type { CompileSink } from './compile-sink.js';
import { getPath, splitPath } from './paths.js';

/** One compiled pipeline entry: an external (common) stage or a custom stage of actions. */
export type Entry = ExternalEntry | CustomEntry;

export interface ExternalEntry {
  kind: 'external';
  name: string;
  stageName: string;
  filter?: (scope: Scope) => boolean;
  input: (state: EventState) => unknown;
  stage: CompiledStage;
  /**
   * The stage's layer `{<output_field>: result}`: an object literal for the usual `message` (a
   * computed key made the literal a third of the pipeline loop's own time, measured on azure-linux).
   */
  layerOf: (result: unknown) => Record<string, unknown>;
  reportErrors: boolean;
}

export interface CustomEntry {
  kind: 'custom';
  name: string;
  filter?: (scope: Scope) => boolean;
  actions: Action[];
  /**
   * The stage is a layer under its name (what it has set so far, defined once it runs) when some
   * text of the parser names it; a stage never named needs no second copy of its writes.
   */
  layered: boolean;
}

/** Compiles the `pipeline:` list against the `stages:` map of a parser file. */
export function compileEntries(parser: Record<string, unknown>, sink: CompileSink): Entry[] {
  const pipeline = parser.pipeline;
  const stages = isDict(parser.stages) ? parser.stages : {};
  if (parser.stages !== undefined && parser.stages !== null && !isDict(parser.stages)) {
    sink.problem(['stages'], `stages must be a mapping of stage name to {actions: [...]}, got ${describe(parser.stages)}`);
  }
  if (!Array.isArray(pipeline)) {
    sink.problem(['pipeline'], `pipeline must be a list of stage invocations, got ${describe(pipeline)}`);
    return [];
  }
  const customCache = new Map<string, Action[]>();
  const entries: Entry[] = [];
  pipeline.forEach((raw, index) => {
    const where = ['pipeline', index];
    if (!isDict(raw) || typeof raw.name !== 'string' || raw.name === '') {
      sink.problem(where, 'each pipeline entry needs a `name` (a custom stage name, or a label for an external stage)');
      return;
    }
    const filter = compileFilter(raw.filter, [...where, 'filter'], sink);
    if (raw.external !== undefined && raw.external !== null) {
      const entry = compileExternal(raw.name, raw.external, [...where, 'external'], sink);
      if (entry) entries.push({ ...entry, filter });
      return;
    }
    if (!Object.hasOwn(stages, raw.name)) {
      sink.problem([...where, 'name'], `custom stage "${raw.name}" is not defined under stages:`);
      return;
    }
    let actions = customCache.get(raw.name);
    if (!actions) {
      actions = compileCustomStage(stages[raw.name], ['stages', raw.name], sink);
      customCache.set(raw.name, actions);
    }
    entries.push({ kind: 'custom', name: raw.name, filter, actions, layered: namedInTemplates(parser, raw.name) });
  });
  return entries;
}

/** Whether some string of the parser holds `name` as a whole identifier (over-approximates template reads). */
function namedInTemplates(parser: Record<string, unknown>, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\w.])${escaped}(?!\\w)`);
  const visit = (v: unknown): boolean => {
    if (typeof v === 'string') return (v.includes('{{') || v.includes('{%')) && re.test(v);
    if (Array.isArray(v)) return v.some(visit);
    if (isDict(v)) return Object.values(v).some(visit);
    return false;
  };
  return visit(parser.pipeline) || visit(parser.stages);
}

function compileCustomStage(raw: unknown, where: (string | number)[], sink: CompileSink): Action[] {
  if (!isDict(raw) || !Array.isArray(raw.actions)) {
    sink.problem(where, 'a custom stage must be a mapping with an `actions` list');
    return [];
  }
  const actions: Action[] = [];
  raw.actions.forEach((action, i) => {
    const compiled = compileAction(action, [...where, 'actions', i], sink);
    if (compiled) actions.push(compiled);
  });
  // The reference reads `filter` on pipeline entries and actions only: one written in a stage's
  // definition is not applied (docs/catalog-rules/stages.md).
  if (raw.filter !== undefined && raw.filter !== null && raw.filter !== '') {
    sink.warning([...where, 'filter'], 'a filter in a stage definition is not applied (the stage always runs); put it on the pipeline entry or on the actions');
  }
  return actions;
}

/** Properties every common stage takes. */
const COMMON_PROPERTIES = new Set(['input_field', 'output_field', 'raise_errors']);

function compileExternal(name: string, raw: unknown, where: (string | number)[], sink: CompileSink): Omit<ExternalEntry, 'filter'> | undefined {
  if (!isDict(raw) || typeof raw.name !== 'string') {
    sink.problem(where, 'external must be a mapping with the common stage `name` and its `properties`');
    return undefined;
  }
  const factory = findStage(raw.name);
  if (!factory) {
    sink.warning([...where, 'name'], `unknown common stage "${raw.name}", the entry is skipped; known stages: ${stageNames().join(', ')}`);
    return undefined;
  }
  const props = isDict(raw.properties) ? raw.properties : {};
  if (raw.properties !== undefined && raw.properties !== null && !isDict(raw.properties)) {
    sink.problem([...where, 'properties'], `properties must be a mapping, got ${describe(raw.properties)}`);
    return undefined;
  }
  for (const key of Object.keys(props)) {
    if (!COMMON_PROPERTIES.has(key) && !factory.properties.includes(key)) {
      sink.warning([...where, 'properties', key], `${raw.name} has no property "${key}", it is ignored`);
    }
  }
  let stage: CompiledStage;
  try {
    stage = factory.compile(props, {
      compileTemplate: (source) => compileValue(source),
      warn: (property, message) => sink.warning([...where, 'properties', property], `${raw.name}: ${message}`),
    });
  } catch (err) {
    if (err instanceof StageConfigError || (err as Error)?.name === 'TemplateSyntaxError') {
      sink.problem([...where, 'properties'], `${raw.name}: ${(err as Error).message}`);
      return undefined;
    }
    throw err;
  }
  const outputField = typeof props.output_field === 'string' && props.output_field !== '' ? props.output_field : 'message';
  return {
    kind: 'external',
    name,
    stageName: raw.name,
    input: compileInput(props.input_field, factory, [...where, 'properties', 'input_field'], sink),
    stage,
    layerOf: outputField === 'message' ? (result) => ({ message: result }) : (result) => ({ [outputField]: result }),
    reportErrors: props.raise_errors !== false,
  };
}

/** input_field: omitted (default input), a template, or a dotted path (parser-language 3.4). */
function compileInput(raw: unknown, factory: StageFactory, where: (string | number)[], sink: CompileSink): (state: EventState) => unknown {
  if (raw === undefined || raw === null || raw === '') {
    const key = factory.defaultInput;
    return (state) => getPath(state.scope.original, [key]);
  }
  if (typeof raw !== 'string') {
    sink.problem(where, `input_field must be a dotted path or a template, got ${describe(raw)}`);
    return () => undefined;
  }
  if (isTemplate(raw)) {
    let fn: (scope: Scope) => unknown;
    try {
      fn = compileValue(raw, (message) => sink.templateNote(where, message), { keepText: factory.textInput === true });
    } catch (err) {
      sink.templateProblem(where, err);
      return () => undefined;
    }
    return (state) => fn(state.scope);
  }
  const keys = splitPath(raw.trim());
  if (keys[0] === 'message') return (state) => getPath(state.scope.original, keys);
  const head = keys[0];
  const rest = keys.slice(1);
  return (state) => getPath(state.scope[head], rest);
}
