import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { descriptionExamples } from '../../describe/coverage.js';
import { loadSmartDescriptions, type SmartCondition } from '../../describe/smart-descriptions.js';
import type { Format, FormatTestCase } from '../../pipeline/index.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function conditionText(c: SmartCondition): string {
  return c.hasValue ? `\`${c.field}\` = \`${JSON.stringify(c.value)}\`` : `\`${c.field}\` exists`;
}

/**
 * The "Smart Descriptions" section of a format page: each description of `_meta/smart-descriptions.json`
 * with its conditions and one example rendered from a test's expected event; empty without the file.
 */
export function descriptionsSection(format: Format, tests: readonly FormatTestCase[]): string {
  const file = join(format.dir, '_meta', 'smart-descriptions.json');
  if (!existsSync(file)) return '';
  const examples = descriptionExamples(loadSmartDescriptions(file), tests.map((t) => t.expected));
  let out = '\n## Smart Descriptions\n\nEach event is shown with the description whose conditions all hold, the one with most conditions first.\n\n';
  out += '| Description | Conditions | Example |\n| ----------- | ---------- | ------- |\n';
  for (const { description, example } of examples) {
    const conditions = description.conditions.map(conditionText).join(', ') || 'always';
    const shown = example ? `${cell(example.rendered.text)} (\`${tests[example.eventIndex].file.split(/[\\/]/).pop()}\`)` : 'no test of this format shows it';
    out += `| ${cell(description.value)} | ${cell(conditions)} | ${shown} |\n`;
  }
  return out + '\n';
}
