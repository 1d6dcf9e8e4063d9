import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SharedBlockPool } from '../../src/runtime/shared-blocks.js';

test('blocks come back for reuse once recycled, and only blocks of the pool', () => {
  const pool = new SharedBlockPool(1024, 2);
  const a = pool.take()!;
  assert.ok(a instanceof SharedArrayBuffer);
  assert.equal(a.byteLength, 1024);
  assert.equal(pool.take(2048), undefined, 'more than a block does not get one');
  pool.recycle(new Uint8Array(a, 10, 20));
  pool.recycle(new Uint8Array(a));
  assert.equal(pool.take(), a, 'a recycled block is handed out again');
  assert.notEqual(pool.take(), a, 'and only once, however often it was recycled');
  pool.recycle(new Uint8Array(1024));
  pool.recycle(new Uint8Array(new SharedArrayBuffer(512)));
  pool.recycle(undefined);
  const fresh = pool.take()!;
  assert.equal(fresh.byteLength, 1024);
  assert.notEqual(fresh, a);
});

test('at most `keep` free blocks are kept', () => {
  const pool = new SharedBlockPool(64, 2);
  const blocks = [pool.take()!, pool.take()!, pool.take()!];
  for (const b of blocks) pool.recycle(b);
  const again = [pool.take()!, pool.take()!, pool.take()!];
  assert.equal(again.filter((b) => blocks.includes(b)).length, 2);
});
