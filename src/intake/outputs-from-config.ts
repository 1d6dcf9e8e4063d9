import { createBulkClient } from '../outputs/bulk-client.js';
import { ElasticsearchOutput } from '../outputs/elasticsearch.js';
import { NdjsonFileOutput } from '../outputs/ndjson-file.js';
import type { Output } from '../outputs/output.js';
import { SqliteStore } from '../outputs/sqlite-store.js';
import type { IntakeConfig } from './config.js';

/** Opens the embedded store (if configured) and every configured output. */
export function openOutputs(config: IntakeConfig): { outputs: Output[]; store?: SqliteStore } {
  const outputs: Output[] = [];
  let store: SqliteStore | undefined;
  if (config.store) {
    store = new SqliteStore(config.store);
    outputs.push(store);
  }
  for (const o of config.outputs) {
    if (o.type === 'ndjson') outputs.push(new NdjsonFileOutput({ path: o.path, maxBytes: o.maxBytes, maxFiles: o.maxFiles }));
    else {
      const client = createBulkClient({ kind: o.type, url: o.url, username: o.username, password: o.password, apiKey: o.apiKey, insecure: o.insecure });
      outputs.push(new ElasticsearchOutput({ client, indexPrefix: o.indexPrefix, deadLetterPath: o.deadLetter }));
    }
  }
  return { outputs, store };
}
