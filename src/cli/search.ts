import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { DEFAULT_STORE_PATH } from '../intake/config.js';
import { QuerySyntaxError } from '../outputs/query.js';
import { SqliteStore } from '../outputs/sqlite-store.js';
import { parseTimeSpec } from '../outputs/time-spec.js';

export const SEARCH_USAGE = `usage: intake search [--store sqlite:PATH] [--since T] [--until T] [--limit N] [--table] QUERY
Searches the embedded store, newest first. QUERY: field:value, field:"quoted value", wildcards * and ?,
AND / OR / NOT, parentheses; a bare word searches the message. T: ISO 8601, epoch ms, or a
duration back from now (15m, 2h, 7d). Output: NDJSON (default) or --table.`;

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
  let storeSpec = `sqlite:${DEFAULT_STORE_PATH}`;
  let since: string | undefined;
  let until: string | undefined;
  let limit = 100;
  let asTable = false;
  const query: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    try {
      if (arg === '--help' || arg === '-h') { process.stdout.write(SEARCH_USAGE + '\n'); return 0; }
      else if (arg === '--store') storeSpec = value();
      else if (arg === '--since') since = value();
      else if (arg === '--until') until = value();
      else if (arg === '--limit') limit = Number(value());
      else if (arg === '--table') asTable = true;
      else if (arg === '--ndjson') asTable = false;
      else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
      else query.push(arg);
    } catch (err) {
      process.stderr.write(`intake search: ${(err as Error).message}\n${SEARCH_USAGE}\n`);
      return 2;
    }
  }
  if (!storeSpec.startsWith('sqlite:') || !Number.isInteger(limit) || limit < 1) {
    process.stderr.write(`intake search: --store sqlite:PATH and a positive --limit\n`);
    return 2;
  }
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
