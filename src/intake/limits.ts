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
  /** Idle HTTP keep-alive and syslog TCP connections are closed after this. */
  idleTimeoutMs: number;
  maxConnections: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 16 * 1024 * 1024,
  maxFrameBytes: 256 * 1024,
  maxQueuedEvents: 100_000,
  maxBatch: 5_000,
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  idleTimeoutMs: 120_000,
  maxConnections: 2_000,
};
