#!/usr/bin/env node
// The catalog ratchet: runs `intake test` over the catalog copy beside the repository
// (../shared/catalog, or $INTAKE_CATALOG) with its global taxonomy, and fails when fewer tests pass
// than test/catalog-floor.json says. Raise the floor whenever the count goes up.
// Exit status: 0 at or above the floor, 1 below it or when the catalog cannot be found.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const catalog = resolve(process.env.INTAKE_CATALOG ?? join(root, '..', 'shared', 'catalog'));
const taxonomy = join(catalog, 'utils', 'checks', 'validators', 'data', 'sekoiaio_flat.yml');
const floorFile = join(root, 'test', 'catalog-floor.json');
if (!existsSync(catalog) || !existsSync(taxonomy)) {
  console.error(`catalog-ratchet: no catalog at ${catalog} (set INTAKE_CATALOG)`);
  process.exit(1);
}
const floor = JSON.parse(readFileSync(floorFile, 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'intake-catalog-'));
const reportFile = join(work, 'report.json');
const started = Date.now();
const run = spawnSync(
  process.execPath,
  // The clock is the catalog snapshot's (floor.now): its tests give year-less dates that year.
  [join(root, 'bin', 'intake.js'), 'test', '--quiet', '--groups', '15', '--report', reportFile, ...(floor.now ? ['--now', floor.now] : []), '--taxonomy', taxonomy, catalog],
  { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
const lines = run.stdout.split('\n');
const groupsAt = lines.findIndex((l) => l.startsWith('differences by field'));
if (groupsAt >= 0) process.stdout.write(lines.slice(groupsAt).join('\n'));
if (!existsSync(reportFile)) {
  console.error(`catalog-ratchet: intake test wrote no report (exit ${run.status})`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(reportFile, 'utf8'));
rmSync(work, { recursive: true, force: true });
const total = report.passed + report.failed - report.formatsBroken;
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `catalog: ${report.passed}/${total} tests pass (${((100 * report.passed) / total).toFixed(1)} %), ` +
    `${report.formatsWhole}/${report.formats} formats whole, ${report.formatsBroken} not loading, in ${seconds} s; floor ${floor.passed}`,
);
if (report.formatsBroken > floor.formatsBroken) {
  console.error(`catalog-ratchet: ${report.formatsBroken} formats do not load (at most ${floor.formatsBroken})`);
  process.exit(1);
}
if (report.passed < floor.passed) {
  console.error(`catalog-ratchet: ${report.passed} tests pass, below the floor of ${floor.passed}`);
  process.exit(1);
}
if (report.passed > floor.passed) console.log(`catalog-ratchet: above the floor; raise test/catalog-floor.json to ${report.passed}`);
