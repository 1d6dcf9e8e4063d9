import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseOrUsage, positiveInt } from './args.js';
import { UsageError } from './errors.js';
import { DescriptionsByFormat } from './descriptions-by-format.js';
import { existsSync } from 'node:fs';
import { DEFAULT_STORE_PATH } from '../intake/config.js';
import { QuerySyntaxError } from '../outputs/query.js';
import { SqliteStore } from '../outputs/sqlite-store.js';
import { parseTimeSpec } from '../outputs/time-spec.js';

export const SEARCH_USAGE = `Usage: intake search [options] QUERY...

Searches the embedded store, newest first. QUERY: field:value, field:"quoted value", wildcards
* and ?, AND / OR / NOT, parentheses; a bare word searches the message.

Options:
      --store sqlite:PATH  the store (default sqlite:${DEFAULT_STORE_PATH})
      --since T            events at or after T
      --until T            events before T
      --limit N            at most N events (default 100)
      --table              a table (time, format, action, status, description, message)
                           instead of NDJSON; the description column (the format's smart
                           description of the event) shows when one of the events has one
  -F, --formats-dir DIR    a tree of formats, for their smart descriptions; repeatable
                           (also INTAKE_FORMATS_PATH)
      --ndjson             NDJSON, one event per line (default)
  -h, --help               show this help

T: ISO 8601, epoch milliseconds, or a duration back from now (15m, 2h, 7d).
Exit status: 0 (even with no match), 1 when the store cannot be read, 2 for bad arguments or query.

Examples:
  intake search 'event.action:deny AND source.ip:10.*'
  intake search --since 2h --table --limit 20 'sekoiaio.intake.parsing_status:failure'
`;

const TABLE_COLUMNS = ['@timestamp', 'sekoiaio.intake.dialect', 'event.action', 'sekoiaio.intake.parsing_status', 'message'];

function pick(event: Record<string, unknown>, dotted: string): string {
  let cur: unknown = event;
  for (const p of dotted.split('.')) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
  if (cur === undefined || cur === null) return '';
  return (typeof cur === 'string' ? cur : JSON.stringify(cur)).replace(/\s+/g, ' ');
}

function table(rows: string[], descriptions: DescriptionsByFormat): string {
  const data = rows.map((r) => JSON.parse(r) as Record<string, unknown>);
  const described = data.map((e) => descriptions.describe(e));
  const withDescriptions = described.some((d) => d !== '');
  const row = (e: Record<string, unknown>, i: number) => {
    const cells = TABLE_COLUMNS.map((c) => pick(e, c));
    if (withDescriptions) cells.splice(4, 0, described[i]!.replace(/\s+/g, ' '));
    return cells;
  };
  const header = withDescriptions ? ['time', 'format', 'action', 'status', 'description', 'message'] : ['time', 'format', 'action', 'status', 'message'];
  const cells = [header, ...data.map(row)];
  const wide = new Set(withDescriptions ? [4, 5] : [4]);
  const widths = cells[0]!.map((_, i) => Math.min(wide.has(i) ? 120 : 40, Math.max(...cells.map((r) => r[i]!.length))));
  return cells.map((r) => r.map((c, i) => (c.length > widths[i]! ? c.slice(0, widths[i]! - 1) + '…' : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n') + '\n';
}

/** `intake search`: prints matching events. Exit 0 (even with no match), 2 for usage errors. */
export async function runSearch(argv: string[]): Promise<number> {
  const { values, positionals } = parseOrUsage('search', () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        store: { type: 'string', default: `sqlite:${DEFAULT_STORE_PATH}` },
        since: { type: 'string' },
        until: { type: 'string' },
        limit: { type: 'string' },
        table: { type: 'boolean' },
        'formats-dir': { type: 'string', short: 'F', multiple: true, default: [] },
        ndjson: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) {
    process.stdout.write(SEARCH_USAGE);
    return 0;
  }
  const storeSpec = values.store!;
  if (!storeSpec.startsWith('sqlite:')) throw new UsageError(`search: --store expects sqlite:PATH, got "${storeSpec}"`);
  const limit = positiveInt('limit', values.limit, 100);
  const asTable = values.table === true && values.ndjson !== true;
  const { since, until } = values;
  const query = positionals;
  const path = resolve(storeSpec.slice('sqlite:'.length));
  if (!existsSync(path)) {
    process.stderr.write(`intake search: no store at ${path}\n`);
    return 1;
  }
  const store = new SqliteStore({ path, readonly: true });
  try {
    const now = Date.now();
    const rows = store.search({
      query: query.join(' '),
      sinceMs: since === undefined ? undefined : parseTimeSpec(since, now),
      untilMs: until === undefined ? undefined : parseTimeSpec(until, now),
      limit,
    });
    const descriptions = () => new DescriptionsByFormat(values['formats-dir'], (m) => process.stderr.write(`intake search: ${m}\n`));
    process.stdout.write(asTable ? table(rows, descriptions()) : rows.map((r) => r + '\n').join(''));
    return 0;
  } catch (err) {
    process.stderr.write(`intake search: ${(err as Error).message}\n`);
    return err instanceof QuerySyntaxError || (err as Error).message.startsWith('not a time') ? 2 : 1;
  } finally {
    await store.close();
  }
}
