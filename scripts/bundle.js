#!/usr/bin/env node
// Second half of `npm run build`: bundles the `normalize` command and its worker, each into one
// file under dist/bundle/, from the tsc output. A process then loads one module instead of about a
// hundred (Node 20 resolves, reads and compiles each ES module on its own): about 60-100 ms less
// start-up per process and per worker thread. npm packages stay outside (they load lazily anyway).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: {
    normalize: join(root, 'dist/src/cli/commands/normalize.js'),
    'normalize-worker': join(root, 'dist/src/runtime/normalize-worker.js'),
  },
  outdir: join(root, 'dist/bundle'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
