/** Shared helpers of the end-to-end CLI tests: run the real command in a child process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

export const ROOT = findRoot();

/**
 * The command line of the CLI: the compiled bin/intake.js when the tests themselves run
 * compiled (npm test), the TypeScript sources through tsx when they run under tsx.
 */
export function cliCommand(): string[] {
  return import.meta.url.endsWith('.ts')
    ? ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')]
    : [join(ROOT, 'bin', 'intake.js')];
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function spawnCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; stdinFd?: number } = {}): ChildProcess {
  return spawn(process.execPath, [...cliCommand(), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    stdio: [options.stdinFd ?? 'pipe', 'pipe', 'pipe'],
  });
}

/** Runs the CLI to completion, feeding `stdin` (string or bytes) when given. */
export function runCli(
  args: string[],
  options: { stdin?: string | Buffer; stdinFile?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // A file as standard input (as with `< file`), or a pipe fed with `stdin`.
    const stdinFd = options.stdinFile === undefined ? undefined : openSync(options.stdinFile, 'r');
    const child = spawnCli(args, { ...options, stdinFd });
    if (stdinFd !== undefined) closeSync(stdinFd);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    if (child.stdin) {
      child.stdin.on('error', () => {});
      child.stdin.end(options.stdin ?? '');
    }
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `intake-${prefix}-`));
}

/** Runs `run` with the environment variable `name` set to `value`, then restores it. */
export function withEnv<T>(name: string, value: string, run: () => T): T {
  const previous = process.env[name];
  process.env[name] = value;
  try {
    return run();
  } finally {
    if (previous === undefined) delete process.env[name];
    else process.env[name] = previous;
  }
}

/** Writes files given as {relative path: content} under `root`. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** A tiny format: event.reason is the message; with `extra`, more parser.yml stages text. */
export function tinyFormat(root: string, options: { parser?: string; tests?: Record<string, unknown> } = {}): string {
  const dir = join(root, 'acme', 'tiny');
  writeTree(dir, {
    '_meta/manifest.yml':
      'uuid: 11111111-2222-3333-4444-555555555555\nname: Acme Tiny\nslug: acme-tiny\ndescription: test format\n' +
      'data_sources:\n  Application logs: every line\n',
    '_meta/fields.yml': '{}\n',
    'ingest/parser.yml':
      options.parser ??
      'name: acme-tiny\npipeline:\n  - name: main\nstages:\n  main:\n    actions:\n      - set:\n          event.kind: event\n          event.reason: "{{original.message}}"\n',
  });
  for (const [name, doc] of Object.entries(options.tests ?? {})) {
    writeTree(dir, { [`tests/${name}`]: JSON.stringify(doc, null, 2) + '\n' });
  }
  return dir;
}

/** Parses NDJSON output into objects. */
export function ndjson(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

export function intakeMeta(event: Record<string, unknown>): Record<string, unknown> {
  return ((event.sekoiaio as Record<string, unknown> | undefined)?.intake ?? {}) as Record<string, unknown>;
}
