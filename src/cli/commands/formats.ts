import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { yamlLib } from '../../core/yaml-lib.js';
import { isDict } from '../../core/values.js';
import { formatTrees, listFormats, type FormatEntry } from '../../pipeline/format-registry.js';
import { parseOrUsage } from '../args.js';
import { UsageError } from '../errors.js';
import { FORMATS_HELP } from '../help.js';

/** The data sources of a manifest (their names), read without loading the format. */
function dataSources(entry: FormatEntry): string[] {
  try {
    const manifest: unknown = yamlLib().parse(readFileSync(join(entry.dir, '_meta', 'manifest.yml'), 'utf8'));
    const sources = isDict(manifest) ? manifest.data_sources : undefined;
    return isDict(sources) ? Object.keys(sources) : [];
  } catch {
    return [];
  }
}

/** `intake formats`: every known format (slug, name, where from), its data sources indented below. */
export async function runFormats(argv: string[]): Promise<number> {
  const { values, positionals } = parseOrUsage('formats', () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'formats-dir': { type: 'string', short: 'F', multiple: true, default: [] },
        json: { type: 'boolean' },
        taxonomy: { type: 'string', short: 't', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) {
    process.stdout.write(FORMATS_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`formats: unexpected argument "${positionals[0]}"`);
  const entries = listFormats(formatTrees(values['formats-dir']));
  if (values.json) {
    const rows = entries.map((e) => ({ slug: e.slug, name: e.name, uuid: e.uuid, dir: e.dir, origin: e.origin, data_sources: dataSources(e) }));
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(4, ...entries.map((e) => e.slug.length));
  const lines: string[] = [];
  for (const entry of entries) {
    const from = entry.origin === 'built-in' ? 'built-in' : relative(process.cwd(), entry.dir) || entry.dir;
    lines.push(`${entry.slug.padEnd(width)}  ${entry.name}  (${from})`);
    for (const source of dataSources(entry)) lines.push(`${''.padEnd(width)}    - ${source}`);
  }
  lines.push(`${entries.length} format(s)`);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
