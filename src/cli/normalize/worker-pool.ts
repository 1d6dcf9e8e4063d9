import { Worker } from 'node:worker_threads';
import { stringifyJson } from '../../core/json.js';
import { NOTED_FAILURES, noteFailure, originOf, type Batch, type BatchResult, type ByteBatch } from '../../runtime/batch.js';
import { splitLines } from '../../runtime/line-batcher.js';
import { failureRecord } from '../../runtime/failure-record.js';
import { NdjsonBytes } from '../../runtime/ndjson-bytes.js';
import { SharedBlockPool } from '../../runtime/shared-blocks.js';
import type { NormalizeWorkerData, WorkerReply, WorkerStartReply } from '../../runtime/normalize-worker.js';
import { FormatLoadError, type LoadProblem } from '../../pipeline/types.js';

/** Why the workers could not start: the format folder that does not load, if that was it. */
export class WorkerStartError extends Error {
  constructor(
    readonly dir: string | undefined,
    readonly reason: Error,
  ) {
    super(reason.message);
  }
}

interface Task {
  seq: number;
  batch: Batch | ByteBatch;
  /** The shared block the worker writes the output into. */
  into?: SharedArrayBuffer;
  resolve: (r: BatchResult) => void;
}

interface Slot {
  worker: Worker;
  /** Set once the worker loaded its formats; a death before that is a startup failure. */
  ready: boolean;
  /** Posted to the worker, oldest first: it works on the first while the next one waits in its port. */
  tasks: Task[];
  /** The deadline of tasks[0]. */
  timer?: NodeJS.Timeout;
}

/**
 * Batches posted to one worker ahead of its replies. With one, a worker idles for the round trip
 * through the main thread after each batch (measured: 7% idle per worker with two workers).
 */
const TASKS_PER_WORKER = 2;

/** Replacements allowed for workers that die while idle (e.g. cannot load the format) before giving up. */
const MAX_IDLE_DEATHS = 3;

/**
 * The worker script. Bundled (dist/bundle/, see scripts/bundle.js): the worker's bundle beside this
 * code. Compiled: runtime/normalize-worker.js. From the TypeScript sources (tsx), a small bootstrap
 * registers tsx inside the worker first, since Node 20 does not carry the main thread's module
 * hooks into workers.
 */
function workerUrl(): URL {
  // scripts/bundle.js writes both bundles side by side
  if (import.meta.url.endsWith('/bundle/normalize.js')) return new URL('./normalize-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return new URL('../../runtime/normalize-worker.js', import.meta.url);
  const script = new URL('../../runtime/normalize-worker.ts', import.meta.url).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const code = `const { register } = await import(${JSON.stringify(tsxApi)}); register(); await import(${JSON.stringify(script)});`;
  return new URL('data:text/javascript,' + encodeURIComponent(code));
}

function linesOf(batch: Batch | ByteBatch): Batch {
  return 'bytes' in batch ? splitLines(batch.bytes, batch.source, batch.firstLine) : batch;
}

function mergeResults(results: BatchResult[]): BatchResult {
  const perFormat: Record<string, number> = {};
  for (const r of results) for (const [k, v] of Object.entries(r.perFormat)) perFormat[k] = (perFormat[k] ?? 0) + v;
  return {
    bytes: Buffer.concat(results.map((r) => r.bytes)),
    normalized: results.reduce((n, r) => n + r.normalized, 0),
    failed: results.reduce((n, r) => n + r.failed, 0),
    perFormat,
    failures: results.flatMap((r) => r.failures).slice(0, NOTED_FAILURES),
  };
}

/**
 * N worker threads normalizing batches. A batch that outlives `timeoutMs` (or crashes its
 * worker) gets the worker terminated and replaced, then its lines are retried one by one; a
 * single line that fails that way becomes a failure record. No line is ever lost.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private seq = 0;
  private closed = false;
  private idleDeaths = 0;
  private fatal: string | undefined;
  /**
   * Memory shared with the workers. Input blocks taken from it come back when their batch is
   * answered; output bytes when the caller, having written them, hands them to `blocks.recycle`.
   */
  readonly blocks = new SharedBlockPool();
  private startedOk!: (diagnostics: LoadProblem[]) => void;
  private startFailed!: (err: WorkerStartError) => void;
  /**
   * Resolves with the load findings once a worker loaded the formats; rejects when they do not
   * load (or a worker dies before that), so the caller need not load them itself to validate.
   */
  readonly started = new Promise<LoadProblem[]>((resolve, reject) => {
    this.startedOk = resolve;
    this.startFailed = reject;
  });

  constructor(
    size: number,
    private readonly data: NormalizeWorkerData,
    private readonly timeoutMs: number,
    /** The worker script (tests substitute their own). */
    private readonly script: URL = workerUrl(),
  ) {
    this.started.catch(() => {});
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Normalizes a batch; resolves with its NDJSON text and counts (never rejects). */
  submit(batch: Batch | ByteBatch): Promise<BatchResult> {
    return new Promise((resolve) => {
      this.queue.push({ seq: this.seq++, batch, into: this.blocks.take(), resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, { workerData: this.data });
    const slot: Slot = { worker, ready: false, tasks: [] };
    worker.on('message', (reply: WorkerReply | WorkerStartReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        this.startedOk(reply.diagnostics ?? []);
        this.dispatch();
      } else if ('loadFailed' in reply) {
        const { dir, message, problems } = reply.loadFailed;
        this.startFailed(new WorkerStartError(dir, problems ? new FormatLoadError(dir, problems) : new Error(message)));
        this.onBroken(slot, `format ${dir} does not load: ${message}`);
      } else this.onReply(slot, reply);
    });
    worker.on('error', (err) => this.onBroken(slot, `worker crashed: ${err.message}`));
    worker.on('exit', (code) => {
      if (!this.closed && slot.tasks.length > 0) this.onBroken(slot, `worker exited with code ${code}`);
    });
    return slot;
  }

  private dispatch(): void {
    if (this.fatal !== undefined) {
      for (const task of this.queue.splice(0)) this.fail(task, this.fatal);
      return;
    }
    for (const slot of this.slots) {
      // Deadlines count normalization only, so a batch waits for a worker that is still loading.
      if (!slot.ready) continue;
      while (slot.tasks.length < TASKS_PER_WORKER && this.queue.length > 0) {
        const task = this.queue.shift()!;
        slot.tasks.push(task);
        if (slot.tasks.length === 1) this.startDeadline(slot);
        slot.worker.postMessage({ seq: task.seq, batch: task.batch, into: task.into });
      }
    }
  }

  /** The worker is on tasks[0] from now: it has this long to answer. */
  private startDeadline(slot: Slot): void {
    slot.timer = setTimeout(
      () => this.onBroken(slot, `normalization took longer than ${this.timeoutMs} ms`),
      this.timeoutMs,
    );
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    if (slot.tasks.length === 0 || slot.tasks[0]!.seq !== reply.seq) return;
    clearTimeout(slot.timer);
    const task = slot.tasks.shift()!;
    if (slot.tasks.length > 0) this.startDeadline(slot);
    if ('error' in reply) this.retry(task, reply.error);
    else {
      // Answered: the worker no longer reads the input block. (A broken worker's blocks are
      // never reused: it may still be running when it is replaced.)
      if ('bytes' in task.batch) this.blocks.recycle(task.batch.bytes);
      task.resolve(reply.result);
    }
    this.dispatch();
  }

  private onBroken(slot: Slot, reason: string): void {
    clearTimeout(slot.timer);
    const [task, ...waiting] = slot.tasks;
    slot.tasks = [];
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    // Batches queued behind the broken one never started: they go back to the front, as they were.
    this.queue.unshift(...waiting);
    // A worker that cannot even start will not do better when replaced.
    if (!slot.ready) {
      this.fatal = `worker failed to start: ${reason}`;
      this.startFailed(new WorkerStartError(undefined, new Error(this.fatal)));
    }
    else if (!task && ++this.idleDeaths > MAX_IDLE_DEATHS) this.fatal = reason;
    if (this.fatal === undefined) this.slots[index] = this.spawn();
    else this.slots.splice(index, 1);
    if (task) this.retry(task, this.fatal ?? reason);
    this.dispatch();
  }

  private fail(task: Task, reason: string): void {
    const batch = linesOf(task.batch);
    const out = new NdjsonBytes(0);
    const failures: BatchResult['failures'] = [];
    batch.lines.forEach((line, i) => {
      const origin = originOf(batch, i);
      const event = failureRecord(line, `normalization aborted: ${reason}`, undefined, origin);
      noteFailure(failures, event, origin);
      out.push(stringifyJson(event));
    });
    task.resolve({ bytes: out.take(), normalized: 0, failed: batch.lines.length, perFormat: {}, failures });
  }

  /** A batch that failed as a whole: one line alone becomes a failure record, more are split. */
  private retry(task: Task, reason: string): void {
    const { lines, invalidUtf8, source, lineNumbers } = linesOf(task.batch);
    if (lines.length === 1 || this.fatal !== undefined) return this.fail(task, reason);
    const singles = lines.map((line, i) =>
      this.submit({
        lines: [line],
        invalidUtf8: invalidUtf8.includes(i) ? [0] : [],
        ...(source !== undefined && lineNumbers !== undefined ? { source, lineNumbers: [lineNumbers[i]!] } : {}),
      }),
    );
    void Promise.all(singles).then((results) => task.resolve(mergeResults(results)));
  }
}
