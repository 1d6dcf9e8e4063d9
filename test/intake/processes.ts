import { packageRoot } from '../../src/pipeline/index.js';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { TestContext } from 'node:test';

/** Working directory of child processes: the repository (or dist/) root. */
export const REPO_ROOT = packageRoot();

/** A free TCP port on loopback (bound then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Path of a system binary. Missing: a failure in CI (CI set), a skip elsewhere.
 * Returns undefined after marking the test skipped.
 */
export function requireBinary(t: TestContext, name: string, paths: string[]): string | undefined {
  for (const p of paths) if (spawnSync('test', ['-x', p]).status === 0) return p;
  const which = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (which) return which;
  if (process.env.CI) throw new Error(`${name} is not installed (apt-get install -y ${name === 'rsyslogd' ? 'rsyslog' : name})`);
  t.skip(`${name} not installed`);
  return undefined;
}

export interface Child {
  proc: ChildProcess;
  output: () => string;
  /** Resolves with the first stdout line matching `pattern`. */
  waitLine(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startChild(command: string, args: string[], options: { cwd?: string } = {}): Child {
  const proc = spawn(command, args, { cwd: options.cwd ?? REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const listeners: (() => void)[] = [];
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const l of listeners.slice()) l();
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return {
    proc,
    output: () => out,
    waitLine(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = out.match(pattern);
          if (m) {
            clearTimeout(timer);
            listeners.splice(listeners.indexOf(check), 1);
            resolve(m);
          }
        };
        const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${out}`)), timeoutMs);
        listeners.push(check);
        exited.then(() => { check(); reject(new Error(`exited before ${pattern}; output:\n${out}`)); });
        check();
      });
    },
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}

const HERE = dirname(fileURLToPath(import.meta.url));
const EXT = fileURLToPath(import.meta.url).endsWith('.ts') ? '.ts' : '.js';

/**
 * Runs a fixture of test/intake/fixtures/ (name without extension) in a child node process:
 * through tsx from the sources, or the compiled .js when the tests run from dist/.
 */
export function startFixture(name: string, args: string[]): Child {
  const file = join(HERE, 'fixtures', name + EXT);
  return startChild(process.execPath, [...(EXT === '.ts' ? ['--import', 'tsx'] : []), file, ...args]);
}
