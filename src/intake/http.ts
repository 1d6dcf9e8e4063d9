import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { ConnectionLimiter, clientOf } from './connection-limiter.js';
import type { ReceiverContext } from './context.js';
import { HttpError, readBody } from './http-body.js';
import { BODY_KEY_PATHS, decodeForm, INTAKE_PATHS, INVALID_UTF8_WARNING, parseTimestamp, requestKey } from './http-forms.js';
import { SaturatedError } from './ingest-queue.js';
import type { RawEvent } from './raw-event.js';
import { isReadKey, readKeyOf } from './read-key.js';
import { badRequestOn, searchRequestOf } from './search-params.js';
import { streamSearch } from './search-stream.js';
import { handleApi } from './web/api.js';
import { isStaticPath, serveStatic } from './web/static.js';

/**
 * HTTP source, compatible with the Sekoia.io HTTP intake.
 *
 * Delivery promise: a 200 answer means every event of the request is durable (committed to the
 * store, or acknowledged by the bus). Any other answer means none of the request's events may be
 * counted as received: the sender retries the whole request. A retried request after a lost 200
 * gets new event ids (at-least-once from the sender's point of view).
 *
 * Credentials come first: a key given in the headers is checked before the body is read, and the
 * forms whose body cannot carry a key need one there. Reads of stored data (`/events`,
 * `/metrics`, the web page's `/api/*`) need a read key, never an intake key; the page itself
 * (`/`, `/assets/*`) holds no data and is served to anyone.
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

/** Refused before the body was read: the connection cannot be reused. */
const unreadBody = { connection: 'close' };

async function handleIntake(ctx: ReceiverContext, req: IncomingMessage, res: ServerResponse, url: URL, startMs: number): Promise<void> {
  const headerKey = requestKey(req, url);
  if (headerKey !== undefined && ctx.formatOf(headerKey) === undefined) {
    ctx.metrics.rejected.inc('unknown_key');
    throw new HttpError(401, 'unknown intake key', unreadBody);
  }
  if (headerKey === undefined && !BODY_KEY_PATHS.has(url.pathname)) throw new HttpError(401, 'missing intake key', unreadBody);
  if (ctx.queue.wouldRefuse(1)) throw new SaturatedError(1);
  const tsHeader = req.headers['x-sekoiaio-event-timestamp'];
  const receivedMs = typeof tsHeader === 'string' ? parseTimestamp(tsHeader, 'X-SEKOIAIO-EVENT-TIMESTAMP') : startMs;
  const body = await readBody(req, ctx.limits.maxBodyBytes);
  const items = decodeForm(url.pathname, body, headerKey, ctx.limits.maxEventsPerRequest);
  const events: RawEvent[] = [];
  for (const item of items) {
    if (!item.key) throw new HttpError(401, 'missing intake key');
    const format = ctx.formatOf(item.key);
    if (format === undefined) {
      ctx.metrics.rejected.inc('unknown_key', items.length);
      throw new HttpError(401, 'unknown intake key');
    }
    const event: RawEvent = { id: randomUUID(), key: item.key, message: item.message, receivedMs: item.receivedMs ?? receivedMs };
    if (item.invalidUtf8) event.warnings = [INVALID_UTF8_WARNING];
    events.push(event);
  }
  for (const e of events) ctx.metrics.received.inc(ctx.formatOf(e.key)!);
  await ctx.queue.submit(events);
  ctx.metrics.observeAckLatency((Date.now() - startMs) / 1000);
  if (url.pathname === '/plain') send(res, 200, { event_id: events[0]!.id });
  else send(res, 200, { event_ids: events.map((e) => e.id) });
}

async function handleSearch(ctx: ReceiverContext, res: ServerResponse, url: URL): Promise<void> {
  if (!ctx.store) throw new HttpError(404, 'no local store to search (bus mode)');
  const request = searchRequestOf(url.searchParams, 10_000);
  const rows = badRequestOn(() => ctx.store!.iterate(request));
  await streamSearch(res, rows, ctx.limits.maxReadBytes);
}

function checkReadKey(ctx: ReceiverContext, req: IncomingMessage): void {
  if (ctx.readKeys.length === 0) throw new HttpError(403, 'reads are disabled: no read key configured (read_keys in intake.yml, or --read-key)');
  if (!isReadKey(readKeyOf(req), ctx.readKeys)) {
    throw new HttpError(401, 'a read key is needed (Authorization: Bearer KEY)', { 'www-authenticate': 'Bearer realm="intake"' });
  }
}

export function createHttpSource(ctx: ReceiverContext, options: HttpSourceOptions): Server {
  const limiter = new ConnectionLimiter(ctx.limits, (client, reason) =>
    ctx.log.log('http-conn', `http: refused a connection from ${client}: ${reason}`));
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const startMs = Date.now();
    const socket = req.socket as Socket;
    limiter.begin(socket);
    res.once('close', () => limiter.end(socket));
    const url = new URL(req.url ?? '/', 'http://intake.local');
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    url.pathname = path;
    const route = async () => {
      if (INTAKE_PATHS.has(path)) {
        if (req.method !== 'POST') throw new HttpError(405, 'use POST', { allow: 'POST' });
        return handleIntake(ctx, req, res, url, startMs);
      }
      if (path.startsWith('/api/') && ctx.web) {
        checkReadKey(ctx, req);
        return handleApi(ctx, ctx.web, req, res, url);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'use GET', { allow: 'GET' });
      if (isStaticPath(path)) return serveStatic(res, path, req.method === 'HEAD');
      if (path === '/healthz') {
        const report = ctx.health();
        return send(res, report.status === 'ok' ? 200 : 503, report);
      }
      if (path === '/metrics') {
        checkReadKey(ctx, req);
        const text = ctx.metrics.render();
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'content-length': String(Buffer.byteLength(text)) });
        return void res.end(text);
      }
      if (path === '/events') {
        checkReadKey(ctx, req);
        return handleSearch(ctx, res, url);
      }
      throw new HttpError(404, 'not found');
    };
    route().catch((err: Error) => {
      if (res.headersSent) return void res.destroy();
      const who = `${clientOf(socket)} ${req.method} ${path}`;
      if (err instanceof SaturatedError) {
        ctx.metrics.rejected.inc('saturated');
        ctx.log.log('http-503', `http: 503 to ${who}: pipeline saturated`);
        return send(res, 503, { message: 'pipeline saturated, retry later' }, { 'retry-after': String(err.retryAfterSeconds), connection: 'close' });
      }
      if (err instanceof HttpError) {
        if (err.status === 401 || err.status === 403 || err.status === 413) ctx.log.log(`http-${err.status}`, `http: ${err.status} to ${who}: ${err.message}`);
        // After 413 the rest of the body is not read: the connection cannot be reused.
        const extra: Record<string, string> = err.status === 413 ? { connection: 'close' } : {};
        if (err.headers.connection === 'close') req.resume();
        return send(res, err.status, { message: err.message }, { ...err.headers, ...extra });
      }
      ctx.metrics.rejected.inc('internal_error');
      ctx.log.log('http-500', `http: 500 to ${who}: events not stored: ${err.message}`);
      send(res, 500, { message: `events not stored: ${err.message}` });
    });
  };
  const serverOptions = {
    requestTimeout: ctx.limits.requestTimeoutMs,
    headersTimeout: ctx.limits.headersTimeoutMs,
    keepAliveTimeout: ctx.limits.keepAliveTimeoutMs,
    // Node checks request/header timeouts on this period (default 30 s, too coarse for slow clients).
    connectionsCheckingInterval: Math.max(100, Math.min(1_000, ctx.limits.headersTimeoutMs / 2)),
  };
  const server = options.tls
    ? createHttpsServer({ ...serverOptions, cert: options.tls.cert, key: options.tls.key, handshakeTimeout: ctx.limits.headersTimeoutMs }, handler)
    : createHttpServer(serverOptions, handler);
  // Admission is the limiter's (per client, idle connections give way): Node's cap only refuses.
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => limiter.admit(socket));
  server.timeout = ctx.limits.idleTimeoutMs;
  return server;
}
