/** Resource limits shared by the receivers (all configurable in intake.yml `limits:`). */
export interface Limits {
  /** Largest HTTP request body, after gzip decompression. */
  maxBodyBytes: number;
  /** Largest syslog frame (TCP frame or UDP datagram). */
  maxFrameBytes: number;
  /** Events accepted but not yet durable, across all receivers (backpressure threshold). */
  maxQueuedEvents: number;
  /** Largest group committed at once. */
  maxBatch: number;
  /** Whole HTTP request (headers + body) must arrive within this (slow clients). */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  /** Idle syslog TCP connections (and HTTP sockets, as a last resort) are closed after this. */
  idleTimeoutMs: number;
  /** An HTTP keep-alive connection idle between requests is closed after this. */
  keepAliveTimeoutMs: number;
  /** Connections of one listener, all clients together. */
  maxConnections: number;
  /** Connections of one listener from one client address. */
  maxConnectionsPerClient: number;
  /** Events in one HTTP request (beyond: 413). */
  maxEventsPerRequest: number;
  /** Bytes of one `GET /events` answer (the result is cut there). */
  maxReadBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 16 * 1024 * 1024,
  maxFrameBytes: 256 * 1024,
  maxQueuedEvents: 100_000,
  maxBatch: 5_000,
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  idleTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 2_000,
  maxConnectionsPerClient: 256,
  maxEventsPerRequest: 10_000,
  maxReadBytes: 16 * 1024 * 1024,
};
