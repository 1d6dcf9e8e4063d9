import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IntakeConfig } from '../../src/intake/config.js';
import { DEFAULT_LIMITS } from '../../src/intake/limits.js';
import { loadIntakeFormats } from '../../src/intake/resolve-formats.js';
import { startServer, type RunningServer } from '../../src/intake/server.js';
import { httpRequest } from '../intake/helpers.js';
import { writeDoorFormat } from './door-format.js';

export const DOOR_KEY = 'door-intake-key';
export const PROVEIT_KEY = 'proveit-intake-key';
export const WEB_READ_KEY = 'web-read-key-42';
export const BEARER = { authorization: `Bearer ${WEB_READ_KEY}` };

export interface WebServer {
  server: RunningServer;
  port: number;
  url: string;
  /** Sends raw events to an intake and waits for them to be stored. */
  send(key: string, lines: string[]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `intake serve` in-process on loopback: a temp store, a format tree holding the door format of
 * this suite, two intakes (that format, and a built-in one), one read key.
 */
export async function startWebServer(formatsDirs: string[] = []): Promise<WebServer> {
  const dir = mkdtempSync(join(tmpdir(), 'intake-web-'));
  const tree = writeDoorFormat(join(dir, 'formats'));
  const config: IntakeConfig = {
    http: { host: '127.0.0.1', port: 0 },
    intakes: [{ key: DOOR_KEY, format: 'acme-door' }, { key: PROVEIT_KEY, format: 'rubycat-proveit' }],
    store: { path: join(dir, 'data', 'intake.db'), synchronous: 'normal' },
    outputs: [],
    limits: { ...DEFAULT_LIMITS },
    readKeys: [WEB_READ_KEY],
    formatsDirs: [tree, ...formatsDirs],
  };
  const server = await startServer(config, loadIntakeFormats(config.intakes, config.formatsDirs), [], { log: () => {} });
  const port = server.http!.port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    async send(key, lines) {
      const answer = await httpRequest(port, 'POST', '/jsons', JSON.stringify(lines), { 'x-sekoiaio-intake-key': key });
      if (answer.status !== 200) throw new Error(`intake answered ${answer.status}: ${answer.body}`);
    },
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
