import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadFormat, packageRoot } from '../../src/index.js';
import type { Format, NormalizedEvent } from '../../src/index.js';
import { runFormatTests } from '../../src/testing/runner.js';

/** Loads a built-in format by its folder under formats/. */
export function builtinFormat(folder: string): Format {
  return loadFormat(join(packageRoot(), 'formats', folder));
}

/** One test per golden file of the format: no parsing problem, no difference with `expected`. */
export function describeGoldenTests(format: Format): void {
  describe(`${format.slug} golden tests`, () => {
    for (const result of runFormatTests(format)) {
      it(result.file, () => {
        assert.deepEqual(result.parsingProblems, []);
        assert.deepEqual(result.differences, []);
        assert.equal(result.passed, true);
      });
    }
  });
}

/** The value at a dotted path of an event, or undefined. */
export function field(event: NormalizedEvent, path: string): unknown {
  let node: unknown = event;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
