import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringifyJson } from '../../src/core/json.js';
import type { Format, InputEvent, NormalizedEvent } from '../../src/pipeline/index.js';
import { createBatchProcessor, writeWithLiteral } from '../../src/runtime/batch.js';
import { messageLiteral } from '../../src/runtime/input-line.js';
import { NdjsonBytes } from '../../src/runtime/ndjson-bytes.js';
import { fakeFormat } from './fake-format.js';

const upper = fakeFormat('upper', (m) => (m.startsWith('!') ? undefined : { value: m.toUpperCase() }));

test('one NDJSON line per input line, in order, with counts', () => {
  const process = createBatchProcessor({ kind: 'format', format: upper }, 'raw');
  const r = process({ lines: ['a', '!bad', 'c'], invalidUtf8: [] });
  const events = Buffer.from(r.bytes).toString().trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(events.map((e) => e.value), ['A', undefined, 'C']);
  assert.equal(r.normalized, 2);
  assert.equal(r.failed, 1);
});

test('json mode: malformed lines and invalid UTF-8 become failure records', () => {
  const process = createBatchProcessor({ kind: 'format', format: upper }, 'json');
  const r = process({ lines: ['{"message": "x"}', 'nope', '{"message": 1}', '{"message": "\ufffd"}'], invalidUtf8: [3] });
  const events = Buffer.from(r.bytes).toString().trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(events.length, 4);
  assert.equal(events[0].value, 'X');
  assert.match(events[1].sekoiaio.intake.parsing_error, /invalid JSON/);
  assert.match(events[2].sekoiaio.intake.parsing_error, /must be a string/);
  assert.match(events[3].sekoiaio.intake.parsing_error, /invalid UTF-8/);
  assert.equal(r.failed, 3);
});

/** Like the compiled formats: fields first, the message stamped last. */
const messageLast: Format = {
  ...upper,
  normalize(input: InputEvent): NormalizedEvent {
    return { event: { kind: 'event', reason: input.message.slice(0, 3) }, sekoiaio: { intake: { parsing_status: 'success' } }, message: input.message };
  },
};

const TRICKY_LINES = [
  String.raw`{"message":"plain"}`,
  String.raw`{"message":"quotes \" and \\ backslashes \\\" \\\\ mixed"}`,
  String.raw`{"message":"controls \n \t \r \b \f"}`,
  '{"message":"raw non-ASCII é ü ß 😀 \u2028"}',
  String.raw`{"message":"an escaped \u00e9 and \u0001"}`,
  String.raw`{"message":"a slash \/ escaped"}`,
  String.raw`{"message":"a backslash then u: \\u"}`,
  String.raw`{"message": "spaced head"}`,
  String.raw`{"message":"two keys","other":"x"}`,
  String.raw`{"other":"x","message":"message second"}`,
  String.raw`{"message":"{\"inner\": \"json\", \"n\": 6.0}"}`,
  String.raw`{"message":""}`,
  String.raw`{"message":"a","message":"the last one counts"}`,
  String.raw`{"message":"a", "message" : "spaced repeat"}`,
  String.raw`{"message":"quoting \"message\" inside"}`,
  String.raw`{"message":"ends with \"message"}`,
];

test('json mode: the output is byte for byte what serializing each normalized event gives', () => {
  for (const format of [messageLast, upper]) {
    const process = createBatchProcessor({ kind: 'format', format }, 'json');
    const r = process({ lines: TRICKY_LINES, invalidUtf8: [] });
    const expected = TRICKY_LINES.map((l) => stringifyJson(format.normalize(JSON.parse(l))) + '\n').join('');
    assert.equal(Buffer.from(r.bytes).toString(), expected, format === upper ? 'message not last' : 'message last');
  }
});

test('messageLiteral: the line text of a lone message, only when JSON.stringify writes it the same', () => {
  const literal = (line: string) => messageLiteral(line, JSON.parse(line));
  assert.equal(literal(String.raw`{"message":"a \"b\" \\ c\n"}`), String.raw`"a \"b\" \\ c\n"`);
  assert.equal(literal(String.raw`{"message": "spaced"}`), '"spaced"');
  for (const line of TRICKY_LINES) {
    const got = literal(line);
    if (got !== undefined) assert.equal(got, JSON.stringify(JSON.parse(line).message), line);
  }
  assert.equal(literal(String.raw`{"message":"\u00e9"}`), undefined);
  assert.equal(literal(String.raw`{"message":"\/"}`), undefined);
  assert.equal(literal(String.raw`{"message":"x","y":"z"}`), undefined);
  assert.equal(literal(String.raw`{"y":"z","message":"x"}`), undefined);
  assert.equal(literal(String.raw`{ "message":"x"}`), undefined);
  assert.equal(literal(String.raw`{"message":"x","message":"y"}`), undefined, 'a repeated key');
  assert.equal(literal(String.raw`{"message":"ends with \"message"}`), String.raw`"ends with \"message"`);
  assert.equal(literal(String.raw`{"message":"\/ then ends with \"message"}`), undefined, 'a foreign escape before the end');
  assert.equal(literal(String.raw`{"message":"a","message":"\u0062"}`), undefined);
});

test('writeWithLiteral copies the literal when the message comes last, and declines otherwise', () => {
  const line = String.raw`{"message":"say \"hi\""}`;
  const input = JSON.parse(line);
  const lit = messageLiteral(line, input)!;
  const out = new NdjsonBytes(0);
  const event = messageLast.normalize(input);
  assert.equal(writeWithLiteral(out, event, input.message, lit), true);
  assert.equal(event.message, input.message, 'the event is left as it was');
  assert.equal(Buffer.from(out.take()).toString(), stringifyJson(event) + '\n');
  const notLast = upper.normalize(input);
  assert.equal(writeWithLiteral(new NdjsonBytes(0), notLast, input.message, lit), false);
  const other = messageLast.normalize({ message: 'something else' });
  assert.equal(writeWithLiteral(new NdjsonBytes(0), other, input.message, lit), false);
});

test('a batch with a source: failed lines carry their place, normalized ones do not, and the first are noted', () => {
  const process = createBatchProcessor({ kind: 'format', format: upper }, 'json');
  const lines = ['{"message":"ok"}', 'nope', '{"message":"!no"}', ...Array.from({ length: 8 }, () => '[]')];
  const r = process({ lines, invalidUtf8: [], source: 'in.ndjson', lineNumbers: lines.map((_, i) => i * 2 + 1) });
  const events = Buffer.from(r.bytes).toString().trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(events[0].sekoiaio?.intake?.input, undefined);
  assert.deepEqual(events[1].sekoiaio.intake.input, { file: 'in.ndjson', line: 3 });
  assert.deepEqual(events[2].sekoiaio.intake.input, { file: 'in.ndjson', line: 5 });
  assert.equal(r.failed, 10);
  assert.equal(r.failures.length, 5);
  assert.deepEqual(r.failures[0], { file: 'in.ndjson', line: 3, error: 'input: invalid JSON (Unexpected token at position 0)' });
  assert.equal(r.failures[2]!.line, 7);
  assert.match(r.failures[2]!.error, /must be an object/);
});
