import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseJson, stringifyJson } from '../../core/json.js';
import type { ReceiverContext } from '../context.js';
import { HttpError, readBody } from '../http-body.js';
import { badRequestOn, searchRequestOf } from '../search-params.js';
import type { WebCatalog } from './catalog.js';
import { describeFields } from './fields.js';
import { histogramOf } from './histogram.js';
import { playgroundRequest, runPlayground } from './playground.js';
import { sendJson } from './respond.js';

/** Events per page of GET /api/events, at most. */
const MAX_PAGE = 500;
const MAX_BUCKETS = 200;
/** Events of one playground run, at most: they are normalized on the receivers' event loop. */
const MAX_PLAYGROUND_EVENTS = 1000;

function needStore(ctx: ReceiverContext) {
  if (!ctx.store) throw new HttpError(404, 'no local store to search (bus mode)');
  return ctx.store;
}

function formatOrFail(catalog: WebCatalog, spec: string | null) {
  if (!spec) throw new HttpError(400, '"format" is required');
  const format = catalog.byUuid(spec) ?? catalog.find(spec);
  if (format === undefined) throw new HttpError(404, `unknown format ${JSON.stringify(spec)}`);
  return format;
}

async function jsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const body = await readBody(req, limit);
  try {
    return parseJson(body.toString('utf8'));
  } catch (err) {
    throw new HttpError(400, `the body is not JSON: ${(err as Error).message}`);
  }
}

/** GET /api/events: a page of matching events, newest first, each with its format's description. */
function events(ctx: ReceiverContext, catalog: WebCatalog, url: URL) {
  const store = needStore(ctx);
  const request = searchRequestOf(url.searchParams, MAX_PAGE);
  const rows = badRequestOn(() => store.search(request));
  const out = [];
  let bytes = 0;
  let truncated = false;
  for (const row of rows) {
    bytes += row.length;
    if (bytes > ctx.limits.maxReadBytes) {
      truncated = true;
      break;
    }
    const event = parseJson(row) as Record<string, unknown>;
    const format = catalog.formatOfEvent(event);
    out.push({
      format: format === undefined ? null : { slug: format.slug, name: format.name, uuid: format.uuid },
      description: catalog.describe(format, event)?.text ?? null,
      event,
    });
  }
  return { events: out, truncated };
}

/** Taxonomy entries of fields of an event made by a format (uuid, slug or name; unknown: ECS only). */
function fieldsAnswer(catalog: WebCatalog, spec: string | null, names: string[]) {
  if (names.length === 0) throw new HttpError(400, 'name the fields: ?name=a.b&name=c');
  const format = spec ? catalog.byUuid(spec) ?? catalog.find(spec) : undefined;
  return { format: format?.slug ?? null, fields: describeFields(format, names) };
}

/** The data endpoints of the web page; the caller has checked the read key. */
export async function handleApi(ctx: ReceiverContext, catalog: WebCatalog, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const path = url.pathname;
  const p = url.searchParams;
  if (path === '/api/playground') {
    if (req.method !== 'POST') throw new HttpError(405, 'use POST', { allow: 'POST' });
    const request = playgroundRequest(await jsonBody(req, ctx.limits.maxBodyBytes));
    return sendJson(res, 200, { events: runPlayground(catalog, request, Math.min(MAX_PLAYGROUND_EVENTS, ctx.limits.maxEventsPerRequest)) });
  }
  if (path === '/api/fields' && req.method === 'POST') {
    const body = await jsonBody(req, ctx.limits.maxBodyBytes);
    const { format, names } = (body ?? {}) as { format?: unknown; names?: unknown };
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) throw new HttpError(400, 'expected {format?, names: [field, ...]}');
    return sendJson(res, 200, fieldsAnswer(catalog, typeof format === 'string' ? format : null, names as string[]));
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'use GET', { allow: 'GET' });
  switch (path) {
    case '/api/formats':
      return sendJson(res, 200, { formats: catalog.formats() });
    case '/api/sample': {
      const format = formatOrFail(catalog, p.get('format'));
      const tests = format.loadTests();
      const index = Math.max(0, Number(p.get('index') ?? 0) || 0);
      const test = tests[index % Math.max(1, tests.length)];
      if (test === undefined) throw new HttpError(404, `format ${format.slug} has no test to take a sample from`);
      return sendJson(res, 200, { format: format.slug, index: index % tests.length, count: tests.length, file: test.file.split('/').pop(), message: test.input.message, expected: stringifyJson(test.expected) });
    }
    case '/api/events':
      return sendJson(res, 200, events(ctx, catalog, url));
    case '/api/histogram': {
      const store = needStore(ctx);
      const request = searchRequestOf(p, 1);
      const buckets = Math.min(MAX_BUCKETS, Math.max(1, Number(p.get('buckets') ?? 60) || 60));
      return sendJson(res, 200, badRequestOn(() => histogramOf(store, request, buckets)));
    }
    case '/api/fields':
      return sendJson(res, 200, fieldsAnswer(catalog, p.get('format'), p.getAll('name')));
    default:
      throw new HttpError(404, 'not found');
  }
}
