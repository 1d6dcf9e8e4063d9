#!/usr/bin/env node
// Second half of `npm run build`: bundles the `normalize` command and its worker, each into one
// file under dist/bundle/, from the tsc output. A process then loads one module instead of about a
// hundred (Node 20 resolves, reads and compiles each ES module on its own): about 60-100 ms less
// start-up per process and per worker thread. npm packages stay outside (they load lazily anyway).
// Then the web page of `intake serve` (web/): its script with preact inside, into dist/web/.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
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

const web = join(root, 'web');
const webOut = join(root, 'dist', 'web');
mkdirSync(join(webOut, 'assets'), { recursive: true });
await build({
  entryPoints: { app: join(web, 'src', 'main.tsx') },
  outdir: join(webOut, 'assets'),
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
});
copyFileSync(join(web, 'index.html'), join(webOut, 'index.html'));
copyFileSync(join(web, 'style.css'), join(webOut, 'assets', 'app.css'));
