import { createServer as createNetServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { ConnectionLimiter, clientOf } from './connection-limiter.js';
import type { ReceiverContext } from './context.js';
import { SaturatedError } from './ingest-queue.js';
import type { RawEvent } from './raw-event.js';
import { framesToEvents } from './syslog-events.js';
import { FrameError, SyslogFramer } from './syslog-parse.js';

/**
 * Syslog over TCP or TLS, LF-delimited or octet-counted (RFC 6587).
 *
 * Delivery promise: the bytes of a connection are read only after the frames read before them are
 * durable; while the pipeline is busy the socket is paused and TCP flow control pushes back on the
 * sender (bounded memory, no unbounded buffering). Syslog has no application-level ack: frames
 * the sender wrote that were still in kernel buffers or in the batch being committed are lost if
 * Intake is killed at that moment, and the sender cannot know. Use HTTP when every event must be
 * confirmed. Oversized or unframeable input closes that connection only.
 */
export interface SyslogTcpOptions {
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Key for frames that carry none (e.g. RFC 3164 senders). */
  defaultKey?: string;
}

const SATURATED_RETRY_MS = 50;
/** A failing pipeline (bus away, store error) is retried this long before the frames are dropped. */
const FAILING_RETRY_MS = 60_000;

/**
 * Submits until durable. Syslog cannot tell the sender to resend, so while the pipeline fails
 * (bus restarting, say) the connection stays paused and the frames are retried with backoff:
 * TCP pushes back on the sender instead of frames being lost. Rejects after FAILING_RETRY_MS.
 */
async function submitUntilAccepted(ctx: ReceiverContext, events: RawEvent[], socket: Socket): Promise<void> {
  const start = Date.now();
  let delay = SATURATED_RETRY_MS;
  for (;;) {
    try {
      await ctx.queue.submit(events);
      ctx.metrics.observeAckLatency((Date.now() - start) / 1000);
      return;
    } catch (err) {
      if (socket.destroyed) throw err;
      if (!(err instanceof SaturatedError)) {
        if (Date.now() - start > FAILING_RETRY_MS) throw err;
        delay = Math.min(1_000, delay * 2);
      }
      await new Promise((r) => setTimeout(r, err instanceof SaturatedError ? SATURATED_RETRY_MS : delay));
    }
  }
}

export function createSyslogTcpSource(ctx: ReceiverContext, options: SyslogTcpOptions = {}): Server & { closeAll(): void } {
  const sockets = new Set<Socket>();
  const proto = options.tls ? 'syslog-tls' : 'syslog-tcp';
  const limiter = new ConnectionLimiter(ctx.limits, (client, reason) =>
    ctx.log.log(`${proto}-conn`, `${proto}: refused a connection from ${client}: ${reason}`));
  const onConnection = (socket: Socket) => {
    if (!limiter.admit(socket)) return;
    sockets.add(socket);
    const framer = new SyslogFramer(ctx.limits.maxFrameBytes);
    socket.setTimeout(ctx.limits.idleTimeoutMs, () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      limiter.touch(socket);
      let frames: Buffer[];
      try {
        frames = framer.push(chunk);
      } catch (err) {
        ctx.metrics.rejected.inc(err instanceof FrameError ? 'bad_frame' : 'internal_error');
        ctx.log.log(`${proto}-frame`, `${proto}: closed the connection of ${clientOf(socket)}: ${(err as Error).message}`);
        socket.destroy();
        return;
      }
      const events = framesToEvents(ctx, frames, options.defaultKey, Date.now());
      if (events.length === 0) return;
      socket.pause();
      limiter.begin(socket);
      submitUntilAccepted(ctx, events, socket).then(
        () => { limiter.end(socket); socket.resume(); },
        (err: Error) => {
          limiter.end(socket);
          ctx.metrics.rejected.inc('store_error', events.length);
          ctx.log.log(`${proto}-drop`, `${proto}: dropped ${events.length} events of ${clientOf(socket)}: ${err.message}`);
          socket.destroy();
        },
      );
    });
  };
  const server = options.tls
    ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }, onConnection)
    : createNetServer(onConnection);
  return Object.assign(server, {
    closeAll() {
      for (const s of sockets) s.destroy();
    },
  });
}
