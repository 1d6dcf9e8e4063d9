import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isDict } from '../core/values.js';
import { createNormalizer, Taxonomy, writeCoercion, topLevelKeyLine, type NormalizerOptions, type TaxonomyWarning } from '../taxonomy/index.js';
import { CompileSink } from './compile-sink.js';
import { CompiledFormat } from './compiled-format.js';
import { compileEntries } from './entries.js';
import { FormatLoadError, type Format, type FormatManifest, type LoadOptions, type LoadProblem } from './types.js';
import { readYamlFile, YamlFileError, type YamlFile } from './yaml-file.js';

/** Loads, validates and compiles the format folder `dir`. Throws FormatLoadError listing every problem. */
export function loadFormat(dir: string, options: LoadOptions = {}): Format {
  const root = resolve(dir);
  const problems: LoadProblem[] = [];
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new FormatLoadError(dir, [{ file: dir, message: 'not a folder' }]);
  }
  const manifestFile = readOptional(join(root, '_meta', 'manifest.yml'), problems, true);
  const fieldsFile = readOptional(join(root, '_meta', 'fields.yml'), problems, false);
  const moduleFieldsFile = readOptional(join(dirname(root), '_meta', 'fields.yml'), problems, false);
  const parserFile = readOptional(join(root, 'ingest', 'parser.yml'), problems, true);

  const manifest = checkManifest(manifestFile, problems);
  const formatFields = mappingOrProblem(fieldsFile, problems, 'fields.yml must map field names to {name, type, description}');
  const moduleFields = mappingOrProblem(moduleFieldsFile, problems, 'fields.yml must map field names to {name, type, description}');
  const parser = mappingOrProblem(parserFile, problems, 'parser.yml must be a mapping with name, pipeline and stages');

  let taxonomy: Taxonomy | undefined;
  try {
    taxonomy = Taxonomy.build({
      extraFiles: options.taxonomyFiles, moduleFields, formatFields, moduleFieldsFile: moduleFieldsFile?.file, formatFieldsFile: fieldsFile?.file,
    });
  } catch (err) {
    problems.push({ file: fieldsFile?.file ?? join(root, '_meta', 'fields.yml'), message: (err as Error).message });
  }

  let sink: CompileSink | undefined;
  let entries: ReturnType<typeof compileEntries> = [];
  if (parserFile && parser) {
    sink = new CompileSink(parserFile, ignoredValuesOf(parser), options.strict === true, taxonomy ? writeCoercion(taxonomy) : undefined);
    entries = compileEntries(parser, sink);
    problems.push(...sink.problems);
  }
  if (problems.length > 0 || !manifest || !taxonomy) throw new FormatLoadError(dir, problems);
  const yamlFiles = [fieldsFile, moduleFieldsFile].filter((f): f is YamlFile => f !== undefined);
  const diagnostics = [...taxonomy.warnings.map((w) => taxonomyProblem(w, yamlFiles)), ...(sink?.diagnostics ?? [])];
  return new CompiledFormat(root, manifest, taxonomy, ownFieldsOf(formatFields), diagnostics, entries, createNormalizer(taxonomy, normalizerOptionsOf(manifest)));
}

function taxonomyProblem(warning: TaxonomyWarning, yamlFiles: readonly YamlFile[]): LoadProblem {
  const own = yamlFiles.find((f) => f.file === warning.file);
  const line = own ? own.lineOf([warning.field]) : topLevelKeyLine(warning.file, warning.field);
  return { file: warning.file, line, message: `field "${warning.field}": ${warning.message}` };
}

function readOptional(file: string, problems: LoadProblem[], required: boolean): YamlFile | undefined {
  if (!existsSync(file)) {
    if (required) problems.push({ file, message: 'missing file' });
    return undefined;
  }
  try {
    return readYamlFile(file);
  } catch (err) {
    if (err instanceof YamlFileError) problems.push({ file: err.file, line: err.line, message: err.message });
    else throw err;
    return undefined;
  }
}

function mappingOrProblem(file: YamlFile | undefined, problems: LoadProblem[], message: string): Record<string, unknown> | null {
  if (!file || file.value === null || file.value === undefined) return null;
  if (isDict(file.value)) return file.value;
  problems.push({ file: file.file, line: 1, message });
  return null;
}

function checkManifest(file: YamlFile | undefined, problems: LoadProblem[]): FormatManifest | undefined {
  if (!file) return undefined;
  const m = file.value;
  if (!isDict(m)) {
    problems.push({ file: file.file, line: 1, message: 'manifest.yml must be a mapping with uuid, name and slug' });
    return undefined;
  }
  let ok = true;
  for (const key of ['uuid', 'name', 'slug']) {
    if (typeof m[key] !== 'string' || m[key] === '') {
      problems.push({ file: file.file, line: file.lineOf([key]), message: `manifest needs a non-empty string \`${key}\`` });
      ok = false;
    }
  }
  return ok ? (m as FormatManifest) : undefined;
}

/** The top-level `ignored_values` list (only this exact key counts: normalized-event section 4). */
function ignoredValuesOf(parser: Record<string, unknown>): Set<string> {
  const list = parser.ignored_values;
  return new Set(Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : []);
}

function ownFieldsOf(fields: Record<string, unknown> | null): Record<string, { name: string; type: string; description?: string }> {
  const out: Record<string, { name: string; type: string; description?: string }> = {};
  if (!fields) return out;
  for (const key of Object.keys(fields)) {
    const def = fields[key];
    if (!isDict(def)) continue;
    const name = typeof def.name === 'string' ? def.name : key;
    out[name] = { name, type: String(def.type ?? ''), description: typeof def.description === 'string' ? def.description : undefined };
  }
  return out;
}

/**
 * Intake's own manifest key `normalization:` adjusts inference for a format whose seed document
 * shows an older engine (the Endpoint agent's samples never copy action.outcome to event.outcome
 * nor put user.target.name in related.user).
 */
function normalizerOptionsOf(manifest: FormatManifest): NormalizerOptions {
  const n = manifest.normalization;
  if (!isDict(n)) return {};
  return { copyActionOutcome: n.copy_action_outcome !== false, relatedTargetUser: n.related_target_user !== false };
}
