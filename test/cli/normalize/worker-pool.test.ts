import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkerPool, WorkerStartError } from '../../../src/cli/normalize/worker-pool.js';
import { FormatLoadError } from '../../../src/pipeline/types.js';
import { tempDir } from '../helpers.js';

/** A stand-in worker speaking the pool's protocol; it spins forever on a line "STALL". */
const STALLING_WORKER = `
import { parentPort } from 'node:worker_threads';
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ seq, batch }) => {
  if (batch.lines.includes('STALL')) for (;;) {}
  if (batch.lines.includes('CRASH')) process.exit(3);
  const text = batch.lines.map((l) => JSON.stringify({ message: l, sekoiaio: { intake: { parsing_status: 'success' } } }) + '\\n').join('');
  parentPort.postMessage({ seq, result: { bytes: new TextEncoder().encode(text), normalized: batch.lines.length, failed: 0, perFormat: {}, failures: [] } });
});
`;

function stallingWorker(): URL {
  const file = join(tempDir('pool'), 'stalling-worker.mjs');
  writeFileSync(file, STALLING_WORKER);
  return pathToFileURL(file);
}

const data = { formatDirs: [], auto: false, taxonomyFiles: [], mode: 'raw' as const };

test('a stuck batch is abandoned, its worker replaced, its lines retried one by one', async () => {
  const pool = new WorkerPool(1, data, 300, stallingWorker());
  try {
    const first = pool.submit({ lines: ['a', 'STALL', 'b'], invalidUtf8: [] });
    const second = pool.submit({ lines: ['c'], invalidUtf8: [] });
    const r1 = await first;
    const r2 = await second;
    const events = Buffer.from(r1.bytes).toString().trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(events.map((e) => e.message), ['a', 'STALL', 'b']);
    assert.equal(events[1].sekoiaio.intake.parsing_status, 'failure');
    assert.match(events[1].sekoiaio.intake.parsing_error, /longer than 300 ms/);
    assert.equal(r1.normalized, 2);
    assert.equal(r1.failed, 1);
    assert.equal(Buffer.from(r2.bytes).toString(), JSON.stringify({ message: 'c', sekoiaio: { intake: { parsing_status: 'success' } } }) + '\n');
  } finally {
    await pool.close();
  }
});

test('a worker that dies on a line is replaced; only that line fails', async () => {
  const pool = new WorkerPool(2, data, 5000, stallingWorker());
  try {
    const r = await pool.submit({ lines: ['x', 'CRASH', 'y'], invalidUtf8: [] });
    const events = Buffer.from(r.bytes).toString().trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(events.map((e) => e.message), ['x', 'CRASH', 'y']);
    assert.equal(r.failed, 1);
    assert.match(events[1].sekoiaio.intake.parsing_error, /exited with code 3/);
  } finally {
    await pool.close();
  }
});

test('started resolves with the load findings of the first worker that is ready', async () => {
  const file = join(tempDir('pool-ready'), 'ready-worker.mjs');
  const problem = { file: 'parser.yml', line: 3, message: 'template syntax error' };
  writeFileSync(file, `import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ ready: true, diagnostics: [${JSON.stringify(problem)}] });\n`);
  const pool = new WorkerPool(2, data, 5000, pathToFileURL(file));
  try {
    assert.deepEqual(await pool.started, [problem]);
  } finally {
    await pool.close();
  }
});

test('started rejects with the folder and problems of a format the workers cannot load', async () => {
  const file = join(tempDir('pool-broken'), 'broken-worker.mjs');
  const problems = [{ file: 'parser.yml', line: 4, message: 'stage "x" is not defined' }];
  writeFileSync(
    file,
    `import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ loadFailed: { dir: '/f/acme', message: 'bad', problems: ${JSON.stringify(problems)} } });\n`,
  );
  const pool = new WorkerPool(2, data, 5000, pathToFileURL(file));
  try {
    await assert.rejects(pool.started, (err: WorkerStartError) => {
      assert.equal(err.dir, '/f/acme');
      assert.ok(err.reason instanceof FormatLoadError);
      assert.deepEqual((err.reason as FormatLoadError).problems, problems);
      return true;
    });
  } finally {
    await pool.close();
  }
});
