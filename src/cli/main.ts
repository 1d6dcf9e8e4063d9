import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { CommandError, isCliError, UsageError } from './errors.js';
import { DOCS_HELP, FORMATS_HELP, MAIN_HELP, NORMALIZE_HELP, TEST_HELP } from './help.js';
import { packageVersion } from './package-info.js';

type CommandRunner = (argv: string[]) => Promise<number>;

// Regexes go straight to native code instead of first running as interpreted bytecode: grok
// patterns are large (the IPv6 pattern alone unrolls to thousands of nodes) and run on every
// event, so interpreting them until they tier up costs more than it saves (azure-linux, its 42
// sample events, first pass 70-95 -> 28-39 ms; 100,000 events 1.94-2.28 -> 1.85-1.92 s).
// A process-wide V8 setting, so it is made here, for the CLI, and holds for its worker threads.
v8.setFlagsFromString('--no-regexp-tier-up');

/** Each command is imported on use, so a missing or broken piece only breaks its own command. */
const COMMANDS: Record<string, () => Promise<CommandRunner>> = {
  normalize: async () => (await import(normalizeModule())).runNormalize,
  test: async () => (await import('./commands/test.js')).runTest,
  docs: async () => (await import('./commands/docs.js')).runDocs,
  formats: async () => (await import('./commands/formats.js')).runFormats,
  serve: () => optionalCommand('./serve.js', 'runServe'),
  search: () => optionalCommand('./search.js', 'runSearch'),
  worker: () => optionalCommand('./worker.js', 'runWorker'),
};

/**
 * The compiled CLI runs `normalize` from its bundle (dist/bundle/normalize.js, written by
 * `npm run build` after tsc; see scripts/bundle.js): one module to load instead of about a hundred.
 * From the TypeScript sources, or when the bundle was not built, the module itself.
 */
function normalizeModule(): string {
  const bundle = new URL('../../bundle/normalize.js', import.meta.url);
  return import.meta.url.endsWith('.js') && existsSync(bundle) ? bundle.href : './commands/normalize.js';
}

/** Server-side commands live in modules written separately; a missing one fails only its command. */
async function optionalCommand(specifier: string, exportName: string): Promise<CommandRunner> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(specifier)) as Record<string, unknown>;
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new CommandError(`command not available in this build (${msg})`);
  }
  const run = mod[exportName];
  if (typeof run !== 'function') throw new CommandError(`command not available: ${specifier} has no ${exportName}`);
  return run as CommandRunner;
}

/** Help of the commands owned here, printed without loading the engine. */
const HELP: Record<string, string> = { normalize: NORMALIZE_HELP, test: TEST_HELP, docs: DOCS_HELP, formats: FORMATS_HELP };

/** Runs the intake command line; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      if (command === 'help' && rest[0] && rest[0] in COMMANDS) return main([rest[0], '--help']);
      process.stdout.write(MAIN_HELP);
      return 0;
    }
    if (command === '-v' || command === '--version') {
      process.stdout.write(packageVersion() + '\n');
      return 0;
    }
    const load = COMMANDS[command];
    if (!load) {
      throw new UsageError(
        command.startsWith('-')
          ? `unknown option ${command} (see intake --help)`
          : `unknown command "${command}" (commands: ${Object.keys(COMMANDS).join(', ')})`,
      );
    }
    if (HELP[command] && (rest.includes('--help') || rest.includes('-h'))) {
      process.stdout.write(HELP[command]!);
      return 0;
    }
    const run = await load();
    return await run(rest);
  } catch (err) {
    if (isCliError(err)) {
      process.stderr.write(`intake: ${err.message}\n`);
      return err.exitCode;
    }
    const msg = err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`intake: internal error: ${msg}\n`);
    return 1;
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`intake: ${String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
