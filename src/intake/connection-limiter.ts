import type { Socket } from 'node:net';

/** The client a connection comes from (IPv4-mapped IPv6 addresses as plain IPv4). */
export function clientOf(socket: Socket): string {
  const a = socket.remoteAddress ?? 'unknown';
  return a.startsWith('::ffff:') ? a.slice(7) : a;
}

export interface ConnectionLimits {
  /** All clients together. */
  maxConnections: number;
  /** One client (remote address). */
  maxConnectionsPerClient: number;
}

/** A connection is idle when nothing is in flight on it and it did nothing for this long. */
const IDLE_AFTER_MS = 1_000;

interface Tracked {
  client: string;
  busy: number;
  lastActiveMs: number;
}

/**
 * Connection admission for a listener: a client may hold at most `maxConnectionsPerClient`
 * connections, and when all `maxConnections` are taken a new connection takes the place of an
 * idle one of the client holding the most (instead of being refused): one client's idle
 * keep-alive connections cannot lock the others out.
 */
export class ConnectionLimiter {
  private readonly sockets = new Map<Socket, Tracked>();
  private readonly perClient = new Map<string, number>();

  constructor(private readonly limits: ConnectionLimits, private readonly onRefuse: (client: string, reason: string) => void) {}

  get size(): number {
    return this.sockets.size;
  }

  /** Admits the socket (tracking it until it closes) or destroys it; returns whether admitted. */
  admit(socket: Socket): boolean {
    const client = clientOf(socket);
    const held = this.perClient.get(client) ?? 0;
    if (held >= this.limits.maxConnectionsPerClient) {
      this.onRefuse(client, `${held} connections open from it (limit per client ${this.limits.maxConnectionsPerClient})`);
      socket.destroy();
      return false;
    }
    if (this.sockets.size >= this.limits.maxConnections) {
      const victim = this.idleOfTopHolder(client);
      if (!victim) {
        this.onRefuse(client, `all ${this.limits.maxConnections} connections busy`);
        socket.destroy();
        return false;
      }
      this.forget(victim);
      victim.destroy();
    }
    this.sockets.set(socket, { client, busy: 0, lastActiveMs: Date.now() });
    this.perClient.set(client, held + 1);
    socket.once('close', () => this.forget(socket));
    return true;
  }

  touch(socket: Socket): void {
    const t = this.sockets.get(socket);
    if (t) t.lastActiveMs = Date.now();
  }

  begin(socket: Socket): void {
    const t = this.sockets.get(socket);
    if (t) { t.busy++; t.lastActiveMs = Date.now(); }
  }

  end(socket: Socket): void {
    const t = this.sockets.get(socket);
    if (t) { t.busy = Math.max(0, t.busy - 1); t.lastActiveMs = Date.now(); }
  }

  private forget(socket: Socket): void {
    const t = this.sockets.get(socket);
    if (!t) return;
    this.sockets.delete(socket);
    const n = (this.perClient.get(t.client) ?? 1) - 1;
    if (n <= 0) this.perClient.delete(t.client);
    else this.perClient.set(t.client, n);
  }

  /** The least recently active idle connection of the client holding the most (not `newcomer`'s own). */
  private idleOfTopHolder(newcomer: string): Socket | undefined {
    const now = Date.now();
    const holders = [...this.perClient.entries()].filter(([c]) => c !== newcomer).sort((a, b) => b[1] - a[1]);
    const newcomerHeld = this.perClient.get(newcomer) ?? 0;
    for (const [client, held] of holders) {
      if (held <= newcomerHeld) break;
      let best: [Socket, Tracked] | undefined;
      for (const entry of this.sockets) {
        const t = entry[1];
        if (t.client !== client || t.busy > 0 || now - t.lastActiveMs < IDLE_AFTER_MS) continue;
        if (!best || t.lastActiveMs < best[1].lastActiveMs) best = entry;
      }
      if (best) return best[0];
    }
    return undefined;
  }
}
