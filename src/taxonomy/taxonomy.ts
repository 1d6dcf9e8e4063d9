import { INTAKE_EXTENSIONS } from './intake-extensions.js';
import { builtinEcsTypes, ecsFieldDescription, ecsLongDescription } from './ecs.js';
import { ACCEPTED_TYPES, Kind, kindOfType } from './field-types.js';
import { loadTaxonomyFile } from './load-file.js';

export interface FieldDefinition {
  name: string;
  type: string;
  description: string;
  source: 'ecs' | 'extension' | 'format';
}

/** One level of the dotted-name tree; `kind` is undefined for a name that is only a prefix. */
export interface FieldNode {
  kind: Kind | undefined;
  children: Map<string, FieldNode> | null;
}

export interface TaxonomySources {
  extraFiles?: string[];
  moduleFields?: Record<string, unknown> | null;
  formatFields?: Record<string, unknown> | null;
  /** Shown in error messages for moduleFields / formatFields (default: a generic label). */
  moduleFieldsFile?: string;
  formatFieldsFile?: string;
}

/** An entry that was skipped or read leniently: the format still loads, the user is told. */
export interface TaxonomyWarning {
  file: string;
  field: string;
  message: string;
}

/** An ECS field; its description is read from `@elastic/ecs` only when asked for (documentation). */
class EcsField implements FieldDefinition {
  readonly source = 'ecs' as const;
  constructor(
    readonly name: string,
    readonly type: string,
  ) {}

  get description(): string {
    return ecsLongDescription(this.name);
  }
}

export class Taxonomy {
  private tree: FieldNode | undefined;

  private constructor(
    private readonly byName: Map<string, FieldDefinition>,
    /** Entries skipped or read leniently (unknown type, missing name), in file order. */
    readonly warnings: readonly TaxonomyWarning[],
  ) {}

  /**
   * ECS, then Intake's own extensions, then the extra taxonomy files, then module fields, then format fields; a later
   * source overrides an earlier one for the same name.
   */
  static build(sources: TaxonomySources): Taxonomy {
    const byName = new Map<string, FieldDefinition>();
    const warnings: TaxonomyWarning[] = [];
    for (const [name, type] of builtinEcsTypes()) byName.set(name, new EcsField(name, type));
    for (const [name, type, description] of INTAKE_EXTENSIONS) {
      byName.set(name, { name, type, description, source: 'extension' });
    }
    for (const file of sources.extraFiles ?? []) {
      addEntries(byName, loadTaxonomyFile(file), file, 'extension', warnings);
    }
    if (sources.moduleFields) addEntries(byName, sources.moduleFields, sources.moduleFieldsFile ?? 'module fields.yml', 'format', warnings);
    if (sources.formatFields) addEntries(byName, sources.formatFields, sources.formatFieldsFile ?? 'format fields.yml', 'format', warnings);
    return new Taxonomy(byName, warnings);
  }

  get(name: string): FieldDefinition | undefined {
    return this.byName.get(name);
  }

  fields(): Iterable<FieldDefinition> {
    return this.byName.values();
  }

  ecsDescription(name: string): string | undefined {
    return ecsFieldDescription(name);
  }

  /** The declared names as a tree of name segments, built on first use. */
  fieldTree(): FieldNode {
    if (this.tree === undefined) {
      // The ECS tree is built once and shared; other definitions are applied with path copying.
      const owned = new Set<FieldNode>();
      let root = ecsTree();
      for (const def of this.byName.values()) {
        if (def.source !== 'ecs') root = insert(root, def.name, kindOfType(def.type), owned);
      }
      this.tree = root;
    }
    return this.tree;
  }
}

let sharedEcsTree: FieldNode | undefined;

function ecsTree(): FieldNode {
  if (sharedEcsTree === undefined) {
    const owned = new Set<FieldNode>();
    let root: FieldNode = { kind: undefined, children: null };
    for (const [name, type] of builtinEcsTypes()) root = insert(root, name, kindOfType(type), owned);
    sharedEcsTree = root;
  }
  return sharedEcsTree;
}

/** A node this build may modify: `node` itself when already owned, else a shallow copy. */
function own(node: FieldNode, owned: Set<FieldNode>): FieldNode {
  if (owned.has(node)) return node;
  const copy: FieldNode = { kind: node.kind, children: node.children === null ? null : new Map(node.children) };
  owned.add(copy);
  return copy;
}

/** Declares `name` with `kind` under `root`; returns the (possibly copied) root. */
function insert(root: FieldNode, name: string, kind: Kind, owned: Set<FieldNode>): FieldNode {
  const newRoot = own(root, owned);
  let node = newRoot;
  for (const segment of name.split('.')) {
    node.children ??= new Map();
    const existing = node.children.get(segment);
    let next: FieldNode;
    if (existing === undefined) owned.add((next = { kind: undefined, children: null }));
    else next = own(existing, owned);
    node.children.set(segment, next);
    node = next;
  }
  node.kind = kind;
  return newRoot;
}

/**
 * Adds the entries of one fields.yml-shaped map. An entry that cannot be used (not a map, no name, no
 * type) is skipped with a warning; an unknown type is kept, read as a leaf whose value is kept as the
 * input gave it, with a warning. Only an unreadable file stops a format (loadTaxonomyFile throws).
 */
function addEntries(
  byName: Map<string, FieldDefinition>,
  entries: Record<string, unknown>,
  file: string,
  source: FieldDefinition['source'],
  warnings: TaxonomyWarning[],
): void {
  const warn = (field: string, message: string) => warnings.push({ file, field, message });
  for (const key of Object.keys(entries)) {
    const entry = entries[key];
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      warn(key, 'skipped: the definition must be a map with name, type and description');
      continue;
    }
    const { name, type, description } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || name === '') {
      warn(key, 'skipped: missing "name"');
      continue;
    }
    if (typeof type !== 'string' || type === '') {
      warn(key, 'skipped: missing "type"');
      continue;
    }
    if (!ACCEPTED_TYPES.has(type)) warn(key, `unknown type "${type}": its values are kept as the input gives them`);
    byName.set(name, { name, type, description: typeof description === 'string' ? description : '', source });
  }
}
