#!/usr/bin/env node
// Rewrites samples/<slug>.ndjson from the built-in formats' test inputs (run after `npm run build`).
import { writeFileSync } from 'node:fs';
import { bundledSamples } from '../dist/src/samples/bundled-samples.js';

for (const { file, text } of bundledSamples()) {
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
