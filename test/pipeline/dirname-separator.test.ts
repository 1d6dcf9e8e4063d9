import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFormat } from '../../src/pipeline/index.js';
import { makeFormat } from './helpers.js';

const dir = makeFormat(`name: acme
pipeline:
  - name: parsed
    external:
      name: json.parse-json
  - name: paths
stages:
  paths:
    actions:
      - set:
          process.working_directory: "{{ parsed.message.image | dirname }}\\\\"
          file.path: "{{ parsed.message.target }}"
`);

function run(image: string, target: string): any {
  return loadFormat(dir).normalize({ message: JSON.stringify({ image, target }) }, { testMode: true });
}

test('dirname drops one separator of a doubled run: appending one gives the run back', () => {
  const out = run('C:\\\\Tools\\\\bin\\\\app.exe', 'report.pdf');
  assert.equal(out.process.working_directory, 'C:\\\\Tools\\\\bin\\\\');
  // a bare name in file.path infers an empty directory
  assert.deepEqual(out.file, { path: 'report.pdf', name: 'report.pdf', directory: '' });
});

test('single separators are unchanged: the whole separator goes', () => {
  const out = run('C:\\Tools\\app.exe', 'D:\\x\\y.txt');
  assert.equal(out.process.working_directory, 'C:\\Tools\\');
  assert.deepEqual(out.file, { path: 'D:\\x\\y.txt', name: 'y.txt', directory: 'D:\\x' });
});
