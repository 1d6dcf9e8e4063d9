import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnCli, tempDir, tinyFormat } from './helpers.js';

const EVENTS = 1_000_000;
const LIMIT_MB = 300;

function rssMb(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

test(`${EVENTS} events through a pipe keep the process under ${LIMIT_MB} MB`, { timeout: 120_000 }, async (t) => {
  const dir = tinyFormat(tempDir('mem'));
  const child = spawnCli(['normalize', '--format', dir]);
  let peak = 0;
  const sampler = setInterval(() => {
    const rss = rssMb(child.pid!);
    if (rss !== undefined) peak = Math.max(peak, rss);
  }, 100);
  let outLines = 0;
  child.stdout!.on('data', (b: Buffer) => {
    for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) outLines++;
  });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));

  // Generate input lazily, honouring the pipe's backpressure.
  const line = 'Nov 22 02:12:01 host app[123]: user=alice action=login status=ok id=';
  let i = 0;
  const chunk = 2000;
  await new Promise<void>((resolve) => {
    const pump = () => {
      while (i < EVENTS) {
        let text = '';
        for (let k = 0; k < chunk && i < EVENTS; k++, i++) text += `${line}${i}\n`;
        if (!child.stdin!.write(text)) return void child.stdin!.once('drain', pump);
      }
      child.stdin!.end();
      resolve();
    };
    pump();
  });
  const code = await closed;
  clearInterval(sampler);
  assert.equal(code, 0, stderr);
  assert.equal(outLines, EVENTS);
  assert.match(stderr, new RegExp(`${EVENTS} events in`));
  t.diagnostic(`peak RSS ${peak.toFixed(0)} MB`);
  assert.ok(peak > 0, 'RSS was sampled');
  assert.ok(peak < LIMIT_MB, `peak RSS ${peak.toFixed(0)} MB`);
});
