import type { Format, FormatTestCase } from '../../pipeline/index.js';
import { prettyJson } from '../pretty-json.js';
import { descriptionsSection } from './descriptions-section.js';
import { eventCategories } from './event-categories.js';
import { parserWrittenFields } from './parser-fields.js';
import { chooseSamples } from './sample-choice.js';

/** A row of the Extracted Fields table. */
export interface ExtractedField {
  name: string;
  type: string;
  description: string;
}

/** Declared fields the parser writes, with type and description (ECS short descriptions for ECS fields). */
export function extractedFields(format: Format): ExtractedField[] {
  const rows: ExtractedField[] = [];
  for (const name of parserWrittenFields(format.dir)) {
    const def = format.taxonomy.get(name);
    if (!def) continue;
    const description = def.source === 'ecs' ? (format.taxonomy.ecsDescription(name) ?? def.description) : def.description;
    rows.push({ name, type: def.type, description: description.replace(/\s+/g, ' ').trim() });
  }
  return rows;
}

const blank = (n: number) => '\n'.repeat(n);
const code = (values: string[]) => values.map((v) => `\`${v}\``).join(', ');
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function categoriesSection(format: Format, tests: readonly FormatTestCase[]): string {
  let out = '\n## Event Categories\n\n\nThe following table lists the data source offered by this integration.\n\n';
  out += '| Data Source | Description                          |\n| ----------- | ------------------------------------ |\n';
  for (const [source, description] of Object.entries(format.manifest.data_sources ?? {})) {
    out += `| \`${cell(source)}\` | ${cell(String(description))} |\n`;
  }
  const cats = eventCategories(tests);
  if (cats.kind.length + cats.category.length + cats.type.length === 0) return out + blank(8);
  out += blank(5);
  out += 'In details, the following table denotes the type of events produced by this integration.\n\n';
  out += '| Name | Values |\n| ---- | ------ |\n';
  out += `| Kind | ${code(cats.kind)} |\n| Category | ${code(cats.category)} |\n| Type | ${code(cats.type)} |\n`;
  return out + blank(4);
}

function sampleBlock(test: FormatTestCase): string {
  const name = test.file.split(/[\\/]/).pop()!;
  const json = prettyJson(test.expected, { indent: 4, asciiOnly: true })
    .split('\n')
    .map((line) => '    ' + line)
    .join('\n');
  return `=== "${name}"\n\n    \`\`\`json\n\t\n${json}\n    \t\n\t\`\`\``;
}

function samplesSection(tests: readonly FormatTestCase[]): string {
  const shown = chooseSamples(tests);
  let out = '## Event Samples\n\nFind below few samples of events and how they are normalized by Sekoia.io.\n\n';
  if (shown.length < tests.length) out += `${shown.length} of the format's ${tests.length} tests are shown, chosen to cover the most kinds of events; the others are in its \`tests/\` folder.\n\n`;
  return out + '\n' + shown.map(sampleBlock).join('\n\n\n') + '\n' + blank(5);
}

function fieldsSection(fields: readonly ExtractedField[]): string {
  let out =
    '## Extracted Fields\n\nThe following table lists the fields that are extracted, normalized under the ECS format, ' +
    'analyzed and indexed by the parser. It should be noted that infered fields are not listed.\n\n';
  out += '| Name | Type | Description                |\n| ---- | ---- | ---------------------------|\n';
  for (const f of fields) out += `|\`${f.name}\` | \`${f.type}\` | ${cell(f.description)} |\n`;
  return out;
}

/** The Markdown page of a format, in the layout of the seed documentation pages. */
export function renderFormatPage(format: Format): string {
  const tests = format.loadTests();
  return categoriesSection(format, tests) + samplesSection(tests) + fieldsSection(extractedFields(format)) + '\n' + descriptionsSection(format, tests);
}
