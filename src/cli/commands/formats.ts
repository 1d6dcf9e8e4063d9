import { loadBuiltinFormats } from '../../pipeline/index.js';
import { parseArgs } from 'node:util';
import { parseOrUsage } from '../args.js';
import { UsageError } from '../errors.js';
import { formatLoadFailure } from '../format-errors.js';
import { FORMATS_HELP } from '../help.js';

/** `intake formats`: one line per built-in format (slug, name), its data sources indented below. */
export async function runFormats(argv: string[]): Promise<number> {
  const { values, positionals } = parseOrUsage('formats', () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
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
  let formats;
  try {
    formats = loadBuiltinFormats({ taxonomyFiles: values.taxonomy });
  } catch (err) {
    throw formatLoadFailure('(built-in)', err);
  }
  const width = Math.max(4, ...formats.map((f) => f.slug.length));
  const lines: string[] = [];
  for (const format of formats) {
    lines.push(`${format.slug.padEnd(width)}  ${format.name}`);
    for (const source of Object.keys(format.manifest.data_sources ?? {})) lines.push(`${''.padEnd(width)}    - ${source}`);
  }
  lines.push(`${formats.length} format(s)`);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
