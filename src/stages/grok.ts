import type { StageFactory } from './stage.js';
import { compileGrok, readCustomPatterns } from './grok/compiled-grok.js';

/** `grok.match`: full-match a grok pattern, output every capture (spec 5.2, 7). */
export const grokMatch: StageFactory = {
  names: ['grok.match'],
  properties: ['pattern', 'custom_patterns'],
  defaultInput: 'message',
  compile(properties) {
    const grok = compileGrok(properties.pattern, readCustomPatterns(properties.custom_patterns));
    return { run: (input) => grok.match(input) };
  },
};
