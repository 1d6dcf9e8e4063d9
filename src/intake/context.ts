import type { SqliteStore } from '../outputs/sqlite-store.js';
import type { IngestQueue } from './ingest-queue.js';
import type { HealthReport } from './health.js';
import type { Limits } from './limits.js';
import type { RateLimitedLog } from './log.js';
import type { Metrics } from './metrics.js';
import type { WebCatalog } from './web/catalog.js';

/** What every receiver needs: key check, the durable queue, metrics and limits. */
export interface ReceiverContext {
  /** Format slug for a known intake key, undefined for an unknown one. */
  formatOf(key: string): string | undefined;
  queue: IngestQueue;
  metrics: Metrics;
  limits: Limits;
  /** Present when the embedded store is local: enables `GET /events`. */
  store?: SqliteStore;
  /** Keys that may read stored events and metrics (`GET /events`, `/metrics`); none: reads refused. */
  readKeys: readonly string[];
  /** Refusals and drops, one line each, rate-limited per kind. */
  log: RateLimitedLog;
  /** The formats the web page knows (playground, descriptions, field definitions); absent: no `/api/*`. */
  web?: WebCatalog;
  /** What `/healthz` reports. */
  health(): HealthReport;
}
