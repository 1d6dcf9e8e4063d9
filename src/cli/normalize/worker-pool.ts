import { Worker } from 'node:worker_threads';
import { stringifyJson } from '../../core/json.js';
import type { Batch, BatchResult } from '../../runtime/batch.js';
import { failureRecord } from '../../runtime/failure-record.js';
import type { NormalizeWorkerData, WorkerReply } from '../../runtime/normalize-worker.js';

interface Task {
  seq: number;
  batch: Batch;
  resolve: (r: BatchResult) => void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  timer?: NodeJS.Timeout;
}

/** Replacements allowed for workers that die while idle (e.g. cannot load the format) before giving up. */
const MAX_IDLE_DEATHS = 3;

/** The worker script next to the compiled or the TypeScript sources (tsx runs the latter). */
function workerUrl(): URL {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`../../runtime/normalize-worker${ext}`, import.meta.url);
}

function mergeResults(results: BatchResult[]): BatchResult {
  const perFormat: Record<string, number> = {};
  for (const r of results) for (const [k, v] of Object.entries(r.perFormat)) perFormat[k] = (perFormat[k] ?? 0) + v;
  return {
    text: results.map((r) => r.text).join(''),
    normalized: results.reduce((n, r) => n + r.normalized, 0),
    failed: results.reduce((n, r) => n + r.failed, 0),
    perFormat,
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

  constructor(
    size: number,
    private readonly data: NormalizeWorkerData,
    private readonly timeoutMs: number,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Normalizes a batch; resolves with its NDJSON text and counts (never rejects). */
  submit(batch: Batch): Promise<BatchResult> {
    return new Promise((resolve) => {
      this.queue.push({ seq: this.seq++, batch, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(workerUrl(), { workerData: this.data });
    const slot: Slot = { worker };
    worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
    worker.on('error', (err) => this.onBroken(slot, `worker crashed: ${err.message}`));
    worker.on('exit', (code) => {
      if (!this.closed && slot.task) this.onBroken(slot, `worker exited with code ${code}`);
    });
    return slot;
  }

  private dispatch(): void {
    if (this.fatal !== undefined) {
      for (const task of this.queue.splice(0)) this.fail(task, this.fatal);
      return;
    }
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(
        () => this.onBroken(slot, `normalization took longer than ${this.timeoutMs} ms`),
        this.timeoutMs,
      );
      slot.worker.postMessage({ seq: task.seq, batch: task.batch });
    }
  }

  private release(slot: Slot): Task | undefined {
    const task = slot.task;
    clearTimeout(slot.timer);
    slot.task = undefined;
    slot.timer = undefined;
    return task;
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    if (!slot.task || slot.task.seq !== reply.seq) return;
    const task = this.release(slot)!;
    if ('error' in reply) this.retry(task, reply.error);
    else task.resolve(reply.result);
    this.dispatch();
  }

  private onBroken(slot: Slot, reason: string): void {
    const task = this.release(slot);
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    if (!task && ++this.idleDeaths > MAX_IDLE_DEATHS) this.fatal = reason;
    this.slots[index] = this.spawn();
    if (task) this.retry(task, reason);
    this.dispatch();
  }

  private fail(task: Task, reason: string): void {
    const text = task.batch.lines
      .map((line) => stringifyJson(failureRecord(line, `normalization aborted: ${reason}`)) + '\n')
      .join('');
    task.resolve({ text, normalized: 0, failed: task.batch.lines.length, perFormat: {} });
  }

  /** A batch that failed as a whole: one line alone becomes a failure record, more are split. */
  private retry(task: Task, reason: string): void {
    const { lines, invalidUtf8 } = task.batch;
    if (lines.length === 1 || this.fatal !== undefined) return this.fail(task, reason);
    const singles = lines.map((line, i) =>
      this.submit({ lines: [line], invalidUtf8: invalidUtf8.includes(i) ? [0] : [] }),
    );
    void Promise.all(singles).then((results) => task.resolve(mergeResults(results)));
  }
}
