import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileCondition, compileValue } from '../../src/language/index.js';

/** Micro-benchmark: generous bounds so a loaded CI machine does not flake, tight enough to catch regressions. */
test('compiled templates render in well under a microsecond per field', () => {
  const fields = ['user.name', 'user.id', 'src.ip', 'src.port', 'dst.ip', 'dst.port', 'action', 'proto', 'bytes', 'host'];
  const templates = fields.map((f) => compileValue(`{{ parsed.message.${f} }}`));
  const cond = compileCondition('{{ parsed.message.action == "login" and parsed.message.bytes > 10 }}');
  const scope = {
    parsed: {
      message: {
        user: { name: 'bob', id: 7 },
        src: { ip: '10.0.0.1', port: 1234 },
        dst: { ip: '10.0.0.2', port: 443 },
        action: 'login',
        proto: 'tcp',
        bytes: 99,
        host: 'gw',
      },
    },
  };
  assert.equal(templates[0]!(scope), 'bob');
  assert.equal(cond(scope), true);
  const rounds = 50_000;
  let sink = 0;
  for (let i = 0; i < 5_000; i++) for (const t of templates) sink += t(scope) === undefined ? 1 : 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) {
    for (const t of templates) sink += t(scope) === undefined ? 1 : 0;
    if (cond(scope)) sink++;
  }
  const nsPerRender = Number(process.hrtime.bigint() - start) / rounds;
  assert.equal(sink, rounds);
  console.log(`10-field render + 1 condition: ${nsPerRender.toFixed(0)} ns`);
  assert.ok(nsPerRender < 5_000, `too slow: ${nsPerRender} ns per 10-field render`);
});
