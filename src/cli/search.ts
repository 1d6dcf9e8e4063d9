import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseOrUsage, positiveInt } from './args.js';
import { UsageError } from './errors.js';
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
      --table              a table (time, format, action, status, message) instead of NDJSON
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

function table(rows: string[]): string {
  const data = rows.map((r) => JSON.parse(r) as Record<string, unknown>);
  const cells = [['time', 'format', 'action', 'status', 'message'], ...data.map((e) => TABLE_COLUMNS.map((c) => pick(e, c)))];
  const widths = cells[0]!.map((_, i) => Math.min(i === 4 ? 120 : 40, Math.max(...cells.map((r) => r[i]!.length))));
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
    process.stdout.write(asTable ? table(rows) : rows.map((r) => r + '\n').join(''));
    return 0;
  } catch (err) {
    process.stderr.write(`intake search: ${(err as Error).message}\n`);
    return err instanceof QuerySyntaxError || (err as Error).message.startsWith('not a time') ? 2 : 1;
  } finally {
    await store.close();
  }
}
