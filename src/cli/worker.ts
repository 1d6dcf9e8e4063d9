import { ConfigError, resolveConfig, SERVE_FLAGS_HELP } from '../intake/config.js';
import type { IntakeConfig } from '../intake/config.js';
import { Metrics } from '../intake/metrics.js';
import { NatsBus } from '../intake/nats-bus.js';
import { Normalizer } from '../intake/normalizer.js';
import type { IntakeFormats } from '../intake/normalizer.js';
import { openOutputs } from '../intake/outputs-from-config.js';
import { generatedIntakes, keysFileFor, loadIntakeFormats } from '../intake/resolve-formats.js';

export const WORKER_USAGE = `Usage: intake worker --bus nats://HOST:PORT [options]

Consumes raw events from the NATS JetStream bus, normalizes them, writes them to the store and
outputs, then acknowledges them. Run as many as needed; they share one durable consumer. While
the bus is away (at start too) it waits and retries with backoff, logging each change.
It takes the options of 'intake serve' (listener options are ignored); those it uses:
  --bus, --config, --intake, --store, --synchronous, --retention-age, --retention-size,
  --output, --max-batch (events per fetch).

${SERVE_FLAGS_HELP}

Exit status: 0 after a clean stop, 2 for bad arguments or a bad intake.yml.

Example:
  intake worker --bus nats://127.0.0.1:4222 --store sqlite:data/intake.db --intake KEY=rubycat-proveit
`;

export interface WorkerDeps {
  loadFormats?: (config: IntakeConfig) => IntakeFormats;
  onReady?: (stop: () => void) => void;
}

/** `intake worker`: runs until SIGINT/SIGTERM. Resolves with the exit code. */
export async function runWorker(argv: string[], deps: WorkerDeps = {}): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(WORKER_USAGE);
    return 0;
  }
  let config: IntakeConfig;
  let formats: IntakeFormats;
  try {
    config = resolveConfig(argv);
    if (!config.bus) throw new ConfigError('--bus nats://HOST:PORT is required (or bus: in --config)');
    if (deps.loadFormats) formats = deps.loadFormats(config);
    else if (config.intakes.length) formats = loadIntakeFormats(config.intakes, config.formatsDirs);
    else formats = generatedIntakes(keysFileFor(config)).formats;
  } catch (err) {
    process.stderr.write(`intake worker: ${(err as Error).message}\n`);
    return err instanceof ConfigError ? 2 : 1;
  }
  const metrics = new Metrics();
  let bus: NatsBus;
  const { outputs } = openOutputs(config);
  let stopping = false;
  const stop = () => { stopping = true; };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    // Waits (with backoff, logged) while the bus is down: a service manager may start us first.
    bus = await NatsBus.connect(config.bus, { who: 'intake worker', cancelled: () => stopping });
  } catch (err) {
    process.stderr.write(`intake worker: ${(err as Error).message}\n`);
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    for (const o of outputs) await o.close();
    return stopping ? 0 : 1;
  }
  const normalizer = new Normalizer(formats, outputs, metrics);
  process.stdout.write(`intake worker ready bus=${config.bus.url} intakes=${formats.size}\n`);
  deps.onReady?.(stop);
  let code = 0;
  try {
    await bus.consume((events) => normalizer.process(events), {
      batch: config.limits.maxBatch,
      shouldStop: () => stopping,
      onMalformed: () => metrics.rejected.inc('malformed_bus_message'),
    });
  } catch (err) {
    process.stderr.write(`intake worker: ${(err as Error).message}\n`);
    code = 1;
  }
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  await bus.close();
  for (const o of outputs) await o.close();
  return code;
}
