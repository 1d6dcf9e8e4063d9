/**
 * Shared memory for the bytes that cross between the main thread and the worker threads.
 *
 * Posting a view of a SharedArrayBuffer shares it: no copy, and no detach. Transferring an
 * ArrayBuffer instead detaches it, and V8 may first wait for its concurrent ArrayBuffer sweeper:
 * measured with two busy workers, a transferring postMessage took 45 us at the median, 3 ms at
 * the 90th percentile and up to 12 ms (about 8% of each worker's time); copying took 36-88 us
 * without the stalls. So input blocks and output bytes live in recycled shared blocks, and
 * whatever does not fit one is copied, never transferred.
 */

/**
 * The default block: a 64 KiB input block (plus up to one read chunk), or a batch of 256 lines,
 * comes out as two to three times its size.
 */
export const SHARED_BLOCK_SIZE = 1024 * 1024;

/**
 * Blocks of one size, handed out and taken back by the main thread (the only thread that recycles).
 * Reusing them also spares the page faults of fresh memory for every batch's output.
 */
export class SharedBlockPool {
  private readonly free: SharedArrayBuffer[] = [];

  constructor(
    readonly blockSize = SHARED_BLOCK_SIZE,
    /** Free blocks kept for reuse; more are left to the garbage collector. */
    private readonly keep = 32,
  ) {}

  /** A block of `blockSize` bytes, or undefined when `bytes` would not fit one. */
  take(bytes = 0): SharedArrayBuffer | undefined {
    if (bytes > this.blockSize) return undefined;
    return this.free.pop() ?? new SharedArrayBuffer(this.blockSize);
  }

  /**
   * Gives back the block under `view` once nothing reads or writes it any more. Views of other
   * memory (bytes that did not fit a block, or came from elsewhere) are ignored.
   */
  recycle(view: Uint8Array | SharedArrayBuffer | undefined): void {
    const block = view instanceof SharedArrayBuffer ? view : view?.buffer;
    if (!(block instanceof SharedArrayBuffer) || block.byteLength !== this.blockSize) return;
    if (this.free.length < this.keep && !this.free.includes(block)) this.free.push(block);
  }
}
