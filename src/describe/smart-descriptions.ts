/**
 * Smart descriptions (the catalog's `_meta/smart-descriptions.json`): a one-line sentence per
 * normalized event. Each description has a sentence with `{dotted.path}` placeholders, conditions
 * (a field that must exist, or must equal a value) and relationships (source -> target fields).
 * Of the descriptions whose conditions all hold, the one with the most conditions wins; among
 * equals, the first in the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJson } from '../core/json.js';
import { isDict } from '../core/values.js';

export interface SmartCondition {
  field: string;
  /** Absent: the field must exist. A list: every listed value must be among the field's values. */
  value?: unknown;
  hasValue: boolean;
}

export interface SmartRelationship {
  source: string;
  target: string;
  type: string;
}

export interface SmartDescription {
  /** Position in the file, from 0. */
  index: number;
  value: string;
  conditions: SmartCondition[];
  relationships: SmartRelationship[];
  /** The placeholders of `value`, in order. */
  placeholders: string[];
}

/** What an event is described as: the sentence and the relationships whose both ends exist. */
export interface RenderedDescription {
  description: SmartDescription;
  text: string;
  /** Placeholders that had no value in the event (rendered as empty text). */
  missing: string[];
  relationships: { source: string; target: string; type: string }[];
}

export class SmartDescriptionError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
  }
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

function placeholdersOf(value: string): string[] {
  return [...value.matchAll(PLACEHOLDER)].map((m) => m[1].trim());
}

/** Checks and compiles the JSON document of a smart-descriptions file. */
export function compileSmartDescriptions(doc: unknown, file = 'smart-descriptions.json'): SmartDescription[] {
  if (!Array.isArray(doc)) throw new SmartDescriptionError(file, 'the document must be a JSON array of descriptions');
  return doc.map((entry, index) => {
    const where = `description ${index + 1}`;
    if (!isDict(entry) || typeof entry.value !== 'string') {
      throw new SmartDescriptionError(file, `${where}: needs a "value" sentence`);
    }
    const conditions = (Array.isArray(entry.conditions) ? entry.conditions : []).map((c: unknown, i: number) => {
      if (!isDict(c) || typeof c.field !== 'string' || c.field === '') {
        throw new SmartDescriptionError(file, `${where}, condition ${i + 1}: needs a "field"`);
      }
      return { field: c.field, value: c.value, hasValue: 'value' in c };
    });
    const relationships = (Array.isArray(entry.relationships) ? entry.relationships : []).map((r: unknown, i: number) => {
      if (!isDict(r) || typeof r.source !== 'string' || typeof r.target !== 'string') {
        throw new SmartDescriptionError(file, `${where}, relationship ${i + 1}: needs "source" and "target"`);
      }
      return { source: r.source, target: r.target, type: typeof r.type === 'string' ? r.type : '' };
    });
    return { index, value: entry.value, conditions, relationships, placeholders: placeholdersOf(entry.value) };
  });
}

/** Reads and compiles a smart-descriptions file. */
/**
 * The descriptions of a format folder (its `_meta/smart-descriptions.json`), none when it has no
 * such file; a file that does not read or compile is told to `onError` and describes nothing.
 */
export function formatDescriptions(formatDir: string, onError: (err: Error) => void = () => {}): SmartDescription[] {
  const file = join(formatDir, '_meta', 'smart-descriptions.json');
  if (!existsSync(file)) return [];
  try {
    return loadSmartDescriptions(file);
  } catch (err) {
    onError(err as Error);
    return [];
  }
}

export function loadSmartDescriptions(file: string): SmartDescription[] {
  let doc: unknown;
  try {
    doc = parseJson(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new SmartDescriptionError(file, (err as Error).message);
  }
  return compileSmartDescriptions(doc, file);
}

/** The value at a dotted path; a flat key holding dots ("a.b" at one level) is found too. */
export function valueAt(event: unknown, path: string): unknown {
  if (!isDict(event)) return undefined;
  if (path in event) return event[path];
  const dot = path.indexOf('.');
  if (dot < 0) return undefined;
  return valueAt(event[path.slice(0, dot)], path.slice(dot + 1));
}

function present(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
}

/** Scalars compare by their text, so the condition 4624 holds for the keyword "4624". */
function sameScalar(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a === 'object' || typeof b === 'object') return false;
  return String(a) === String(b);
}

function conditionHolds(condition: SmartCondition, event: unknown): boolean {
  const actual = valueAt(event, condition.field);
  if (!condition.hasValue) return present(actual);
  const values = Array.isArray(actual) ? actual : [actual];
  const wanted = Array.isArray(condition.value) ? condition.value : [condition.value];
  return wanted.every((w) => values.some((v) => sameScalar(v, w)));
}

function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(text).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The description of the event with the most conditions that all hold, or undefined. */
export function selectDescription(descriptions: readonly SmartDescription[], event: unknown): SmartDescription | undefined {
  let best: SmartDescription | undefined;
  for (const d of descriptions) {
    if (best !== undefined && d.conditions.length <= best.conditions.length) continue;
    if (d.conditions.every((c) => conditionHolds(c, event))) best = d;
  }
  return best;
}

/** Fills a description's placeholders from the event. */
export function renderDescription(description: SmartDescription, event: unknown): RenderedDescription {
  const missing: string[] = [];
  const rendered = description.value.replace(PLACEHOLDER, (_m, path: string) => {
    const v = valueAt(event, path.trim());
    if (!present(v)) missing.push(path.trim());
    return text(v);
  });
  const relationships = description.relationships
    .filter((r) => present(valueAt(event, r.source)) && present(valueAt(event, r.target)))
    .map((r) => ({ source: text(valueAt(event, r.source)), target: text(valueAt(event, r.target)), type: r.type }));
  return { description, text: rendered, missing, relationships };
}

/** The smart description of one event, rendered; undefined when none applies. */
export function describeEvent(descriptions: readonly SmartDescription[], event: unknown): RenderedDescription | undefined {
  const chosen = selectDescription(descriptions, event);
  return chosen === undefined ? undefined : renderDescription(chosen, event);
}
