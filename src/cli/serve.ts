import { dirname, join, relative } from 'node:path';
import type { AddressInfo } from 'node:net';
import { ConfigError, resolveConfig, SERVE_FLAGS_HELP } from '../intake/config.js';
import type { IntakeConfig } from '../intake/config.js';
import type { IntakeFormats } from '../intake/normalizer.js';
import { generatedIntakes, generatedReadKey, keysFileFor, loadIntakeFormats } from '../intake/resolve-formats.js';
import { startServer } from '../intake/server.js';

export const SERVE_USAGE = `Usage: intake serve [options]

Receives events over HTTP (Sekoia.io-compatible) and syslog, normalizes them and keeps them
(or, with --bus, publishes them for 'intake worker'). Runs until SIGINT/SIGTERM. The web page
at http://HOST:PORT/ (log in with a read key) has a playground and a view of the stored events.

${SERVE_FLAGS_HELP}

Exit status: 0 after a clean stop, 1 when a listener or the store cannot be opened, 2 for bad
arguments or a bad intake.yml.

Examples:
  intake serve --http 127.0.0.1:8080 --intake KEY=rubycat-proveit --read-key READKEY
  intake serve --config /etc/intake/intake.yml
`;

export interface ServeDeps {
  /** Replaces format loading (tests run the server with stub formats). */
  loadFormats?: (config: IntakeConfig) => IntakeFormats;
  /** Resolves with a stop function once the server is ready. */
  onReady?: (stop: () => void) => void;
}

const addr = (a: AddressInfo | undefined) => (a ? `${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}` : undefined);

/** `intake serve`: runs until SIGINT/SIGTERM. Resolves with the exit code. */
export async function runServe(argv: string[], deps: ServeDeps = {}): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(SERVE_USAGE);
    return 0;
  }
  let config: IntakeConfig;
  let formats: IntakeFormats;
  try {
    config = resolveConfig(argv);
    if (deps.loadFormats) formats = deps.loadFormats(config);
    else if (config.intakes.length) formats = loadIntakeFormats(config.intakes, config.formatsDirs);
    else {
      const generated = generatedIntakes(keysFileFor(config));
      config.intakes = generated.intakes;
      formats = generated.formats;
      for (const { key, format } of generated.intakes) process.stdout.write(`intake key ${key} -> ${format}\n`);
      const keysFile = keysFileFor(config);
      if (!config.readKeys?.length && keysFile) {
        config.readKeys = [generatedReadKey(join(dirname(keysFile), 'generated-read-key'))];
        process.stdout.write(`read key ${config.readKeys[0]} (the web page at /; GET /events, /metrics: Authorization: Bearer KEY)\n`);
      }
    }
  } catch (err) {
    process.stderr.write(`intake serve: ${(err as Error).message}\n`);
    return err instanceof ConfigError ? 2 : 1;
  }
  let server;
  let cancelled = false;
  const cancel = () => { cancelled = true; };
  process.on('SIGINT', cancel);
  process.on('SIGTERM', cancel);
  try {
    server = await startServer(config, formats, [], { cancelled: () => cancelled });
  } catch (err) {
    process.stderr.write(`intake serve: ${(err as Error).message}\n`);
    return cancelled ? 0 : 1;
  } finally {
    process.off('SIGINT', cancel);
    process.off('SIGTERM', cancel);
  }
  const parts = [
    ['http', addr(server.http)],
    ['syslog-tcp', addr(server.syslogTcp)],
    ['syslog-udp', addr(server.syslogUdp)],
    ['syslog-tls', addr(server.syslogTls)],
    ['store', config.store ? relative(process.cwd(), config.store.path) || config.store.path : undefined],
    ['bus', config.bus?.url],
    ['intakes', String(formats.size)],
  ].filter(([, v]) => v !== undefined);
  process.stdout.write(`intake ready ${parts.map(([k, v]) => `${k}=${v}`).join(' ')}\n`);
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close().then(() => resolve(0), (err: Error) => {
        process.stderr.write(`intake serve: ${err.message}\n`);
        resolve(1);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    deps.onReady?.(stop);
  });
}
