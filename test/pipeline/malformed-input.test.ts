import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findBuiltinFormat, loadFormat } from '../../src/pipeline/index.js';
import type { Format } from '../../src/pipeline/index.js';

// Every built-in format gets the same hostile inputs: each must come back as an event, never an exception.
const formats: Format[] = ['rubycat-proveit', 'azure-linux', 'sekoiaio-endpoint'].map((slug) => loadFormat(findBuiltinFormat(slug)!));

const deepJson = '['.repeat(200_000) + ']'.repeat(200_000);
const HOSTILE: Record<string, string> = {
  'truncated JSON': '{"time": "2019-06-27T14:48:28Z", "properties": {"Msg": "sess',
  'truncated @cee JSON': '\ufeff@cee: {"category": "USER", "source": {"ip": ',
  'invalid UTF-8 (decoded lossily)': '{"msg": "caf\ufffd\ufffd"}',
  'control characters': '\u0000\u0001\u001b[31m{"a":\u0007}\r\n',
  'deeply nested JSON': deepJson,
  'deeply nested object in @cee': '@cee: ' + '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000),
  '10 MB message': '{"time": "' + 'x'.repeat(10 * 1024 * 1024) + '"}',
  'empty message': '',
  'lone surrogate': '{"properties": {"Msg": "\ud800"}}',
};

for (const format of formats) {
  for (const [name, message] of Object.entries(HOSTILE)) {
    test(`${format.slug}: ${name} gives an event that keeps the message`, () => {
      const event = format.normalize({ message }) as Record<string, any>;
      assert.equal(event.message, message);
      const status = event.sekoiaio.intake.parsing_status;
      assert.ok(status === 'success' || status === 'failure');
      if (status === 'failure') assert.match(String(event.sekoiaio.intake.parsing_error), /stage|message/);
    });
  }
}

test('truncated JSON is reported as a failure naming the JSON stage', () => {
  for (const format of formats) {
    const event = format.normalize({ message: '{"a": ' }) as Record<string, any>;
    assert.equal(event.sekoiaio.intake.parsing_status, 'failure', format.slug);
    assert.match(event.sekoiaio.intake.parsing_error, /json\.parse-json/, format.slug);
  }
});
