import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { randomUUID } from 'node:crypto';
import { QuerySyntaxError } from '../outputs/query.js';
import { parseTimeSpec } from '../outputs/time-spec.js';
import type { ReceiverContext } from './context.js';
import { HttpError, readBody } from './http-body.js';
import { decodeForm, INTAKE_PATHS, parseTimestamp, requestKey } from './http-forms.js';
import { SaturatedError } from './ingest-queue.js';
import type { RawEvent } from './raw-event.js';

/**
 * HTTP source, compatible with the Sekoia.io HTTP intake.
 *
 * Delivery promise: a 200 answer means every event of the request is durable (committed to the
 * store, or acknowledged by the bus). Any other answer means none of the request's events may be
 * counted as received: the sender retries the whole request. A retried request after a lost 200
 * gets new event ids (at-least-once from the sender's point of view).
 */
export interface HttpSourceOptions {
  host: string;
  port: number;
  tls?: { cert: string | Buffer; key: string | Buffer };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

async function handleIntake(ctx: ReceiverContext, req: IncomingMessage, res: ServerResponse, url: URL, startMs: number): Promise<void> {
  if (ctx.queue.wouldRefuse(1)) throw new SaturatedError(1);
  const headerKey = requestKey(req, url);
  const tsHeader = req.headers['x-sekoiaio-event-timestamp'];
  const receivedMs = typeof tsHeader === 'string' ? parseTimestamp(tsHeader, 'X-SEKOIAIO-EVENT-TIMESTAMP') : startMs;
  const body = await readBody(req, ctx.limits.maxBodyBytes);
  const items = decodeForm(url.pathname, body, headerKey);
  const events: RawEvent[] = [];
  for (const item of items) {
    if (!item.key) throw new HttpError(401, 'missing intake key');
    const format = ctx.formatOf(item.key);
    if (format === undefined) {
      ctx.metrics.rejected.inc('unknown_key', items.length);
      throw new HttpError(401, 'unknown intake key');
    }
    events.push({ id: randomUUID(), key: item.key, message: item.message, receivedMs: item.receivedMs ?? receivedMs });
  }
  for (const e of events) ctx.metrics.received.inc(ctx.formatOf(e.key)!);
  await ctx.queue.submit(events);
  ctx.metrics.observeAckLatency((Date.now() - startMs) / 1000);
  if (url.pathname === '/plain') send(res, 200, { event_id: events[0]!.id });
  else send(res, 200, { event_ids: events.map((e) => e.id) });
}

function handleSearch(ctx: ReceiverContext, res: ServerResponse, url: URL): void {
  if (!ctx.store) throw new HttpError(404, 'no local store to search (bus mode)');
  const p = url.searchParams;
  const now = Date.now();
  let rows: string[];
  try {
    rows = ctx.store.search({
      query: p.get('q') ?? '',
      sinceMs: p.get('since') ? parseTimeSpec(p.get('since')!, now) : undefined,
      untilMs: p.get('until') ? parseTimeSpec(p.get('until')!, now) : undefined,
      limit: Math.min(10_000, Math.max(1, Number(p.get('limit') ?? 100) || 100)),
    });
  } catch (err) {
    if (err instanceof QuerySyntaxError || (err as Error).message.startsWith('not a time')) throw new HttpError(400, (err as Error).message);
    throw err;
  }
  const text = rows.length ? rows.join('\n') + '\n' : '';
  res.writeHead(200, { 'content-type': 'application/x-ndjson', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

export function createHttpSource(ctx: ReceiverContext, options: HttpSourceOptions): Server {
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const startMs = Date.now();
    const url = new URL(req.url ?? '/', 'http://intake.local');
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    url.pathname = path;
    const route = async () => {
      if (INTAKE_PATHS.has(path)) {
        if (req.method !== 'POST') throw new HttpError(405, 'use POST', { allow: 'POST' });
        return handleIntake(ctx, req, res, url, startMs);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'use GET', { allow: 'GET' });
      if (path === '/healthz') {
        const report = ctx.health();
        return send(res, report.status === 'ok' ? 200 : 503, report);
      }
      if (path === '/metrics') {
        const text = ctx.metrics.render();
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'content-length': String(Buffer.byteLength(text)) });
        return void res.end(text);
      }
      if (path === '/events') return handleSearch(ctx, res, url);
      throw new HttpError(404, 'not found');
    };
    route().catch((err: Error) => {
      if (res.headersSent) return void res.destroy();
      if (err instanceof SaturatedError) {
        ctx.metrics.rejected.inc('saturated');
        return send(res, 503, { message: 'pipeline saturated, retry later' }, { 'retry-after': String(err.retryAfterSeconds), connection: 'close' });
      }
      if (err instanceof HttpError) {
        // After 413 the rest of the body is not read: the connection cannot be reused.
        const extra: Record<string, string> = err.status === 413 ? { connection: 'close' } : {};
        return send(res, err.status, { message: err.message }, { ...err.headers, ...extra });
      }
      ctx.metrics.rejected.inc('internal_error');
      send(res, 500, { message: `events not stored: ${err.message}` });
    });
  };
  const serverOptions = {
    requestTimeout: ctx.limits.requestTimeoutMs,
    headersTimeout: ctx.limits.headersTimeoutMs,
    keepAliveTimeout: Math.min(ctx.limits.idleTimeoutMs, 65_000),
    // Node checks request/header timeouts on this period (default 30 s, too coarse for slow clients).
    connectionsCheckingInterval: Math.max(100, Math.min(1_000, ctx.limits.headersTimeoutMs / 2)),
  };
  const server = options.tls
    ? createHttpsServer({ ...serverOptions, cert: options.tls.cert, key: options.tls.key }, handler)
    : createHttpServer(serverOptions, handler);
  server.maxConnections = ctx.limits.maxConnections;
  server.timeout = ctx.limits.idleTimeoutMs;
  return server;
}
