import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BulkItem {
  action: Record<string, { _index: string; _id?: string }>;
  source: Record<string, unknown>;
}

/**
 * A loopback stand-in for Elasticsearch/OpenSearch speaking just enough of `_bulk`: it stores
 * created documents by index and id (409 on a duplicate create) and lets a test decide a status
 * per item (e.g. 429 or 400) to exercise retries and dead-lettering.
 */
export class FakeBulkServer {
  readonly docs = new Map<string, Record<string, unknown>>();
  requests = 0;
  /** Return a status to force for this item, or undefined to store it normally. */
  decide: (item: BulkItem, request: number) => number | undefined = () => undefined;
  private server: Server;
  url = '';

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers = { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' };
        if (req.method === 'HEAD' || req.url === '/') {
          res.writeHead(200, headers);
          return res.end(JSON.stringify({ version: { number: '9.0.0', distribution: 'opensearch' } }));
        }
        if (!req.url?.startsWith('/_bulk')) {
          res.writeHead(404, headers);
          return res.end('{}');
        }
        this.requests++;
        const lines = Buffer.concat(chunks).toString('utf8').split('\n').filter((l) => l.trim());
        const items: object[] = [];
        for (let i = 0; i < lines.length; i += 2) {
          const item: BulkItem = { action: JSON.parse(lines[i]!), source: JSON.parse(lines[i + 1]!) };
          const [op, meta] = Object.entries(item.action)[0]!;
          const forced = this.decide(item, this.requests);
          const key = `${meta._index}/${meta._id}`;
          let status = forced ?? 201;
          if (forced === undefined) {
            if (op === 'create' && this.docs.has(key)) status = 409;
            else this.docs.set(key, item.source);
          }
          const error = status >= 300 ? { type: status === 409 ? 'version_conflict_engine_exception' : 'mapper_parsing_exception', reason: 'forced' } : undefined;
          items.push({ [op]: { _index: meta._index, _id: meta._id, status, ...(error ? { error } : {}) } });
        }
        res.writeHead(200, headers);
        res.end(JSON.stringify({ took: 1, errors: items.some((i) => Object.values(i)[0].status >= 300), items }));
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}
