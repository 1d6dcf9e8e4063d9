import { StageConfigError, StageError, StageFailed, type StageFactory } from './stage.js';
import { compileGrok, readCustomPatterns, type CompiledGrok } from './grok/compiled-grok.js';

/** `grok.case_match`: the rendered `pattern_key` picks which grok pattern runs (spec 5.3). */
export const grokCaseMatch: StageFactory = {
  names: ['grok.case_match'],
  properties: ['pattern_key', 'patterns', 'custom_patterns'],
  defaultInput: 'message',
  compile(properties, ctx) {
    const { pattern_key: keySource, patterns } = properties;
    if (typeof keySource !== 'string') throw new StageConfigError('grok.case_match: "pattern_key" must be a string template');
    if (typeof patterns !== 'object' || patterns === null || Array.isArray(patterns)) {
      throw new StageConfigError('grok.case_match: "patterns" must be a mapping of key to pattern');
    }
    const renderKey = ctx.compileTemplate(keySource);
    const custom = readCustomPatterns(properties.custom_patterns);
    const byKey = new Map<string, CompiledGrok>();
    for (const [key, pattern] of Object.entries(patterns as Record<string, unknown>)) byKey.set(key, compileGrok(pattern, custom));
    return {
      run(input, runCtx) {
        let key: string;
        try {
          key = keyText(renderKey(runCtx.scope));
        } catch (err) {
          throw new StageError(`grok.case_match: pattern_key failed: ${(err as Error).message}`);
        }
        const grok = byKey.get(key);
        if (!grok) return new StageFailed(`grok.case_match: no pattern for key ${JSON.stringify(key)}`);
        return grok.match(input);
      },
    };
  },
};

/** The rendered key as Python's str() would print it (keys are compared as strings). */
function keyText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}
