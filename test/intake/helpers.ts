import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { DEFAULT_LIMITS } from '../../src/intake/limits.js';
import type { IntakeConfig } from '../../src/intake/config.js';
import { startServer } from '../../src/intake/server.js';
import type { RunningServer } from '../../src/intake/server.js';
import type { Output } from '../../src/outputs/output.js';
import { stubFormat } from './fixtures/stub-format.js';

export const KEY = 'test-key-0001';
export const READ_KEY = 'read-key-0001';
export const READ = { authorization: `Bearer ${READ_KEY}` };

export interface TestServer {
  server: RunningServer;
  /** What the server logged (refusals, drops). */
  logged: string[];
  dir: string;
  stop(): Promise<void>;
}

/** An in-process server on loopback (random ports) with a real SQLite file in a temp dir. */
export async function startTestServer(overrides: Partial<IntakeConfig> = {}, extraOutputs: Output[] = []): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'intake-srv-'));
  const config: IntakeConfig = {
    http: { host: '127.0.0.1', port: 0 },
    intakes: [{ key: KEY, format: 'stub' }],
    store: { path: join(dir, 'data', 'intake.db'), synchronous: 'full' },
    outputs: [],
    limits: { ...DEFAULT_LIMITS },
    readKeys: [READ_KEY],
    ...overrides,
  };
  const logged: string[] = [];
  const formats = new Map(config.intakes.map((i) => [i.key, stubFormat()]));
  const server = await startServer(config, formats, extraOutputs, { log: (line) => logged.push(line) });
  return {
    server,
    logged,
    dir,
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function httpRequest(port: number, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export async function waitFor<T>(what: string, fn: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** An output whose writes wait until `open()`: makes the pipeline saturate on demand. */
export class GateOutput implements Output {
  readonly name = 'gate';
  private waiters: (() => void)[] = [];
  private opened = false;
  write(): Promise<void> {
    return this.opened ? Promise.resolve() : new Promise((r) => this.waiters.push(r));
  }
  open(): void {
    this.opened = true;
    for (const w of this.waiters.splice(0)) w();
  }
  async close(): Promise<void> {
    this.open();
  }
}
