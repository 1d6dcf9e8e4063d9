import { Client as ElasticClient } from '@elastic/elasticsearch';
import { Client as OpenSearchClient } from '@opensearch-project/opensearch';

/** One item result of a `_bulk` response, whatever the action name. */
export interface BulkItemResult {
  status: number;
  error?: unknown;
}

/** The part of the Elasticsearch and OpenSearch clients the sink uses. */
export interface BulkClient {
  /** `lines` are pre-serialized NDJSON lines (action, source, action, source, ...). */
  bulk(lines: string[]): Promise<BulkItemResult[]>;
  close(): Promise<void>;
}

export interface BulkClientOptions {
  kind: 'elasticsearch' | 'opensearch';
  url: string;
  username?: string;
  password?: string;
  apiKey?: string;
  /** Accept self-signed certificates (test clusters only). */
  insecure?: boolean;
  requestTimeoutMs?: number;
}

function itemResults(items: unknown): BulkItemResult[] {
  if (!Array.isArray(items)) throw new Error('bulk response without items');
  return items.map((item) => {
    const inner = Object.values(item as Record<string, { status: number; error?: unknown }>)[0];
    if (!inner || typeof inner.status !== 'number') throw new Error('malformed bulk item in response');
    return { status: inner.status, error: inner.error };
  });
}

export function createBulkClient(options: BulkClientOptions): BulkClient {
  const timeout = options.requestTimeoutMs ?? 30_000;
  if (options.kind === 'opensearch') {
    const client = new OpenSearchClient({
      node: options.url,
      auth: options.username ? { username: options.username, password: options.password ?? '' } : undefined,
      ssl: options.insecure ? { rejectUnauthorized: false } : undefined,
      requestTimeout: timeout,
      maxRetries: 0,
    });
    return {
      async bulk(lines) {
        const response = await client.bulk({ body: lines as unknown as Record<string, unknown>[] });
        return itemResults((response.body as { items?: unknown }).items);
      },
      async close() { await client.close(); },
    };
  }
  const client = new ElasticClient({
    node: options.url,
    auth: options.apiKey
      ? { apiKey: options.apiKey }
      : options.username ? { username: options.username, password: options.password ?? '' } : undefined,
    tls: options.insecure ? { rejectUnauthorized: false } : undefined,
    requestTimeout: timeout,
    // Retries are ours (per item, with backoff): the transport must not resend whole bulks on its own.
    maxRetries: 0,
  });
  return {
    async bulk(lines) {
      const response = await client.bulk({ operations: lines as unknown as Record<string, unknown>[] });
      return itemResults(response.items);
    },
    async close() { await client.close(); },
  };
}
