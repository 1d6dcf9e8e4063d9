import { StageConfigError, StageError, type StageFactory } from './stage.js';
import { compileKvSyntax, splitPairs } from './kv-split.js';

/**
 * `kv.parse-kv` (parser-language 5.4): `key<value_sep>value` pairs separated by `item_sep`, both
 * regular expressions (a separator that does not compile is taken literally). A value runs to the
 * next item separator that is followed by `key<value_sep>`, so it may hold spaces and separators;
 * a value starting with `"` runs to the closing quote, which is removed. With `groups: true`,
 * `[name k=v ...]` sections nest their pairs under `name` (`[k=v ...]` without a name adds them
 * to the enclosing level). `reversed: false` is the only reading known; `true` warns at load.
 */
export const kvParse: StageFactory = {
  names: ['kv.parse-kv', 'kv.parseKV'],
  defaultInput: 'message',
  properties: ['item_sep', 'value_sep', 'groups', 'reversed'],
  compile(properties, ctx) {
    const syntax = compileKvSyntax({
      item: separator(properties.item_sep, '\\s', 'item_sep'),
      value: separator(properties.value_sep, '=', 'value_sep'),
      groups: flag(properties.groups, 'groups'),
    });
    if (flag(properties.reversed, 'reversed')) ctx.warn?.('reversed', 'reversed: true is not supported; pairs are read key first');
    return {
      run(input: unknown): unknown {
        if (typeof input !== 'string') throw new StageError(`expected a string, got ${input === null ? 'None' : typeof input}`);
        return splitPairs(input, syntax);
      },
    };
  },
};

function separator(raw: unknown, fallback: string, name: string): string {
  if (raw === undefined || raw === null) return `(?:${fallback})`;
  if (typeof raw !== 'string' || raw === '') throw new StageConfigError(`${name} must be a non-empty string`);
  try {
    new RegExp(raw);
    if (new RegExp(raw).test('')) throw new StageConfigError(`${name} ${JSON.stringify(raw)} matches the empty string`);
    return `(?:${raw})`;
  } catch (err) {
    if (err instanceof StageConfigError) throw err;
    return `(?:${raw.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')})`; // not a regex: a literal separator
  }
}

function flag(raw: unknown, name: string): boolean {
  if (raw === undefined || raw === null) return false;
  if (typeof raw !== 'boolean') throw new StageConfigError(`${name} must be true or false`);
  return raw;
}
