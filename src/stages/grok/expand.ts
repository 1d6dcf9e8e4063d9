import { StageConfigError } from '../stage.js';

export type Conversion = 'int' | 'float';

export interface Expanded {
  /** Python-dialect regex with every %{...} replaced by a named group. */
  regex: string;
  /** Field → conversion requested with `%{NAME:field:int|float}`. */
  conversions: Map<string, Conversion>;
}

const REFERENCE = /%\{(\w+)(?::([^:}]*))?(?::([^}]*))?\}/g;
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Expands grok references recursively and lazily: only patterns reachable from `pattern`
 * are looked at, so an unused custom pattern may name an unknown pattern. Custom
 * patterns override base ones. `%{NAME}` captures under NAME, `%{NAME:f}` under f.
 */
export function expandGrok(pattern: string, custom: ReadonlyMap<string, string>, base: ReadonlyMap<string, string>): Expanded {
  const conversions = new Map<string, Conversion>();
  const bodies = new Map<string, string>();

  const expand = (text: string, stack: string[]): string =>
    text.replace(REFERENCE, (_all, name: string, field: string | undefined, type: string | undefined) => {
      const group = field === undefined || field === '' ? name : field;
      if (!FIELD.test(group)) throw new StageConfigError(`invalid grok field name ${JSON.stringify(group)} in %{${name}:${field}}`);
      if (type !== undefined) {
        if (type !== 'int' && type !== 'float') throw new StageConfigError(`unknown grok conversion ":${type}" in %{${name}:${field}:${type}} (expected int or float)`);
        conversions.set(group, type);
      }
      return `(?P<${group}>${body(name, stack)})`;
    });

  const body = (name: string, stack: string[]): string => {
    const done = bodies.get(name);
    if (done !== undefined) return done;
    if (stack.includes(name)) throw new StageConfigError(`grok pattern cycle: ${[...stack.slice(stack.indexOf(name)), name].join(' -> ')}`);
    const source = custom.get(name) ?? base.get(name);
    if (source === undefined) throw new StageConfigError(`unknown grok pattern %{${name}}`);
    const expanded = expand(source, [...stack, name]);
    bodies.set(name, expanded);
    return expanded;
  };

  return { regex: expand(pattern, []), conversions };
}
