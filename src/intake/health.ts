import type { NormalizedEvent } from '../pipeline/types.js';
import type { Output } from '../outputs/output.js';

/** The last outcome of an output's writes, for `/healthz`. */
export interface OutputHealth {
  name: string;
  ok: boolean;
  error?: string;
  /** When the last write settled (epoch ms). */
  atMs?: number;
}

/** Wraps an output to record whether its last write succeeded (the write itself is unchanged). */
export function trackedOutput(output: Output): { output: Output; health: OutputHealth } {
  const health: OutputHealth = { name: output.name, ok: true };
  const wrapped: Output = {
    name: output.name,
    async write(events: NormalizedEvent[]) {
      try {
        await output.write(events);
        health.ok = true;
        health.error = undefined;
      } catch (err) {
        health.ok = false;
        health.error = (err as Error).message;
        throw err;
      } finally {
        health.atMs = Date.now();
      }
    },
    close: () => output.close(),
  };
  return { output: wrapped, health };
}

const FAILING_HOLD_MS = 15_000;

export interface HealthReport {
  status: 'ok' | 'unavailable';
  queue_depth: number;
  bus?: { status: 'up' | 'down'; url: string };
  store?: { status: 'ok' | 'failing'; error?: string };
  outputs: { name: string; status: 'ok' | 'failing'; error?: string }[];
}

/**
 * Events can be made durable when the bus is up (bus mode), or when the last write of the store
 * and of every output succeeded (local mode): otherwise `/healthz` answers 503.
 */
export function healthReport(
  queueDepth: number,
  bus: { url: string; connected: boolean } | undefined,
  store: OutputHealth | undefined,
  outputs: OutputHealth[],
): HealthReport {
  const now = Date.now();
  // A failure with no write since is held for FAILING_HOLD_MS only: a balancer that stops sending
  // on 503 must get the chance to send again and show the dependency back.
  const failing = (o: OutputHealth) => !o.ok && o.atMs !== undefined && now - o.atMs < FAILING_HOLD_MS;
  const view = (o: OutputHealth) => ({ status: failing(o) ? ('failing' as const) : ('ok' as const), ...(o.error ? { error: o.error } : {}) });
  const durable = bus ? bus.connected : !(store && failing(store)) && !outputs.some(failing);
  return {
    status: durable ? 'ok' : 'unavailable',
    queue_depth: queueDepth,
    ...(bus ? { bus: { status: bus.connected ? 'up' : 'down', url: bus.url } } : {}),
    ...(store ? { store: view(store) } : {}),
    outputs: outputs.map((o) => ({ name: o.name, ...view(o) })),
  };
}
