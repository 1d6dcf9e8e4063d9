import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findFormatDirs, loadFormat, type Format } from '../../pipeline/index.js';
import { parseArgs } from 'node:util';
import { parseOrUsage } from '../args.js';
import { resolveFormatDir } from '../normalize/resolve-format-dirs.js';
import { renderFormatPage } from '../docs/format-page.js';
import { UsageError } from '../errors.js';
import { formatLoadFailure } from '../format-errors.js';
import { DOCS_HELP } from '../help.js';

/** `intake docs PATH [--out DIR]`: one Markdown page per format found under PATH. */
export async function runDocs(argv: string[]): Promise<number> {
  const { values, positionals } = parseOrUsage('docs', () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o', default: '.' },
        taxonomy: { type: 'string', short: 't', multiple: true, default: [] },
        'formats-dir': { type: 'string', short: 'F', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) {
    process.stdout.write(DOCS_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('docs: give exactly one PATH (a format folder or a folder of formats)');
  const root = existsSync(positionals[0]!) ? positionals[0]! : resolveFormatDir(positionals[0]!, values['formats-dir'], 'docs');
  const dirs = findFormatDirs(root);
  if (dirs.length === 0) throw new UsageError(`docs: no format folder (with ingest/parser.yml) under ${root}`);
  const formats: Format[] = dirs.map((dir) => {
    try {
      return loadFormat(dir, { taxonomyFiles: values.taxonomy });
    } catch (err) {
      throw formatLoadFailure(relative(process.cwd(), dir) || dir, err);
    }
  });
  const outDir = values.out!;
  mkdirSync(outDir, { recursive: true });
  for (const format of formats) {
    const file = join(outDir, `${format.slug}.md`);
    writeFileSync(file, renderFormatPage(format));
    process.stdout.write(`wrote ${file}\n`);
  }
  return 0;
}
