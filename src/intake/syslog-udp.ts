import { createSocket } from 'node:dgram';
import type { Socket } from 'node:dgram';
import type { ReceiverContext } from './context.js';
import type { RawEvent } from './raw-event.js';
import { framesToEvents } from './syslog-events.js';

/**
 * Syslog over UDP: one datagram is one message.
 *
 * Delivery promise: none. UDP is best-effort by nature (no ack, no flow control): datagrams are
 * dropped by the network or the kernel when Intake is slow, and Intake itself drops (and counts,
 * `reason="saturated"`) what arrives while the pipeline is full rather than buffer without limit.
 */
export interface SyslogUdpOptions {
  defaultKey?: string;
}

export function createSyslogUdpSource(ctx: ReceiverContext, options: SyslogUdpOptions = {}): Socket {
  const socket = createSocket({ type: 'udp4', recvBufferSize: 4 * 1024 * 1024 });
  let pending: Buffer[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const frames = pending;
    pending = [];
    const events: RawEvent[] = framesToEvents(ctx, frames, options.defaultKey, Date.now());
    if (events.length === 0) return;
    ctx.queue.submit(events).catch((err: Error) => {
      ctx.metrics.rejected.inc('saturated', events.length);
      ctx.log.log('syslog-udp-drop', `syslog-udp: dropped ${events.length} events: ${err.message}`);
    });
  };
  socket.on('message', (msg, rinfo) => {
    if (msg.length > ctx.limits.maxFrameBytes) {
      ctx.log.log('syslog-udp-frame', `syslog-udp: dropped a ${msg.length} byte datagram from ${rinfo.address} (over the ${ctx.limits.maxFrameBytes} byte frame limit)`);
      return void ctx.metrics.rejected.inc('bad_frame');
    }
    let end = msg.length;
    while (end > 0 && (msg[end - 1] === 0x0a || msg[end - 1] === 0x0d || msg[end - 1] === 0)) end--;
    pending.push(msg.subarray(0, end));
    // Datagrams of one event-loop turn are submitted together.
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
  return socket;
}
