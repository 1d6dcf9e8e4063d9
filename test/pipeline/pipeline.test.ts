import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFormat, FormatLoadError } from '../../src/pipeline/index.js';
import { countErrorsMade, fields, jsonFillFormat, makeFormat } from './helpers.js';

const ACME_FIELDS = fields({ 'acme.kind': 'keyword', 'acme.count': 'long', 'acme.tags': 'keyword', 'acme.obj': 'object' });

test('json stage feeds set actions; native values and Python literals', () => {
  const dir = makeFormat(
    `name: acme
pipeline:
  - name: parsed
    external:
      name: json.parse-json
      properties:
        input_field: "{{original.message}}"
  - name: fill
stages:
  fill:
    actions:
      - set:
          acme.kind: "{{parsed.message.kind}}"
          acme.count: "{{parsed.message.n}}"
          acme.tags: '["{{parsed.message.kind}}", "x"]'
          event.category: ["network"]
          user.name: "{{parsed.message.user}}"
          source.ip: "{{parsed.message.ip}}"
`,
    ACME_FIELDS,
  );
  const format = loadFormat(dir);
  const out = format.normalize({ message: '{"kind":"login","n":"42","user":"bob","ip":"10.0.0.1"}' }, { testMode: true });
  assert.deepEqual((out as any).acme, { kind: 'login', count: 42, tags: ['login', 'x'] });
  assert.deepEqual((out as any).event.category, ['network']);
  assert.equal((out as any).event.id, '00000000-0000-0000-0000-000000000000');
  assert.deepEqual((out as any).related, { ip: ['10.0.0.1'], user: ['bob'] });
  assert.equal((out as any).source.address, '10.0.0.1');
  assert.equal((out as any).sekoiaio.intake.parsing_status, 'success');
  assert.equal((out as any).sekoiaio.intake.dialect, 'test');
  assert.equal((out as any).message, '{"kind":"login","n":"42","user":"bob","ip":"10.0.0.1"}');
});

test('empty values, None and ignored_values are not written; [] is', () => {
  const dir = makeFormat(
    `name: acme
ignored_values: ["-"]
pipeline:
  - name: parsed
    external:
      name: json.parse-json
  - name: fill
stages:
  fill:
    actions:
      - set:
          acme.kind: "{{parsed.message.a}}"
      - set:
          acme.kind: "{{parsed.message.dash}}"
          acme.count: "{{parsed.message.none}}"
          acme.tags: "{{parsed.message.empty_list}}"
          acme.obj: "{{parsed.message.missing}}"
          user.name: "   "
`,
    ACME_FIELDS,
  );
  const out = loadFormat(dir).normalize({ message: '{"a":"kept","dash":"-","none":null,"empty_list":[]}' }, { testMode: true }) as any;
  assert.equal(out.acme.kind, 'kept');
  assert.equal('count' in out.acme, false);
  assert.deepEqual(out.acme.tags, []);
  assert.equal('obj' in out.acme, false);
  assert.equal(out.user, undefined);
});

test('translate compares Python str() forms, falls back, and reads final when no layer matches', () => {
  const dir = jsonFillFormat(
    `      - set:
          network.iana_number: "{{parsed.message.proto}}"
      - translate:
        dictionary:
          6: tcp
          17: udp
        mapping:
          network.iana_number: network.transport
      - translate:
        dictionary:
          yes: enabled
        mapping:
          parsed.message.flag: acme.kind
        fallback: unknown
`,
    ACME_FIELDS,
  );
  const format = loadFormat(dir);
  const a = format.normalize({ message: '{"proto":6,"flag":true}' }, { testMode: true }) as any;
  assert.equal(a.network.transport, 'tcp');
  assert.equal(a.acme.kind, 'enabled');
  const b = format.normalize({ message: '{"proto":"17","flag":"other"}' }, { testMode: true }) as any;
  assert.equal(b.network.transport, 'udp');
  assert.equal(b.acme.kind, 'unknown');
});

test('translate values and fallbacks written as list or dict literals are values; other text stays text', () => {
  const dir = jsonFillFormat(
    `      - translate:
        dictionary:
          a: '["iam", "network"]'
          b: "10"
          c: "['x'"
        mapping:
          parsed.message.k: acme.tags
        fallback: '["other"]'
      - set:
          acme.kind: "{{parsed.message.tags}}"
`,
    ACME_FIELDS,
  );
  const format = loadFormat(dir);
  const run = (k: string): any => format.normalize({ message: JSON.stringify({ k, tags: "['t1', 't2']" }) }, { testMode: true });
  assert.deepEqual(run('a').acme.tags, ['iam', 'network']);
  assert.equal(run('b').acme.tags, '10');
  assert.equal(run('c').acme.tags, "['x'");
  assert.deepEqual(run('z').acme.tags, ['other']);
  // a lone expression whose string is a list literal (a CEF or CSV field holding one) is a list
  assert.deepEqual(run('a').acme.kind, ['t1', 't2']);
});

test('a failed stage leaves an empty layer; the fallback idiom works and the event is a success', () => {
  const dir = makeFormat(
    `name: acme
pipeline:
  - name: first_try
    external:
      name: grok.match
      properties:
        pattern: "LOGIN %{WORD:who}"
  - name: second_try
    external:
      name: grok.match
      properties:
        pattern: "%{WORD:verb} %{GREEDYDATA:rest}"
    filter: '{{first_try.get("message") == None}}'
  - name: fill
stages:
  fill:
    actions:
      - set:
          user.name: "{{first_try.message.who}}"
          acme.kind: "{{second_try.message.verb}}"
`,
    ACME_FIELDS,
  );
  const format = loadFormat(dir);
  const a = format.normalize({ message: 'LOGIN alice' }, { testMode: true }) as any;
  assert.equal(a.user.name, 'alice');
  assert.equal(a.acme, undefined);
  const b = format.normalize({ message: 'LOGOUT now please' }, { testMode: true }) as any;
  assert.equal(b.acme.kind, 'LOGOUT');
  assert.equal(b.sekoiaio.intake.parsing_status, 'success');
  assert.equal(b.sekoiaio.intake.parsing_error, undefined);
});

test('a stage that runs and fails empties the layer of its name; one whose input is missing keeps it', () => {
  const dir = makeFormat(
    `name: acme
pipeline:
  - name: parsed
    external:
      name: json.parse-json
  - name: found
    external:
      name: grok.match
      properties:
        input_field: "{{parsed.message.note}}"
        pattern: "%{DATA}%{IP:ip}%{GREEDYDATA}"
  - name: found
    external:
      name: grok.match
      properties:
        input_field: "{{parsed.message.via}}"
        pattern: "%{DATA}%{IP:ip}%{GREEDYDATA}"
    filter: "{{parsed.message.via != None}}"
  - name: fill
stages:
  fill:
    actions:
      - set:
          source.ip: "{{found.message.ip}}"
`,
    ACME_FIELDS,
  );
  const format = loadFormat(dir);
  const run = (message: string) => format.normalize({ message }, { testMode: true }) as any;
  assert.equal(run('{"note": "from 10.0.0.1"}').source.ip, '10.0.0.1'); // second stage not run
  assert.equal(run('{"note": "from 10.0.0.1", "via": ""}').source.ip, '10.0.0.1'); // its input is empty
  assert.equal(run('{"note": "from 10.0.0.1", "via": "console"}').source, undefined); // it ran and failed
  assert.equal(run('{"note": "from 10.0.0.1", "via": "tty(10.0.0.2)"}').source.ip, '10.0.0.2');
});

test('a stage whose input is Python-false (0, empty text or list) does not run', () => {
  const dir = makeFormat(
    `name: acme
pipeline:
  - name: parsed
    external:
      name: json.parse-json
  - name: when
    external:
      name: date.parse
      properties:
        input_field: "{{parsed.message.time}}"
        output_field: date
  - name: fill
stages:
  fill:
    actions:
      - set:
          "@timestamp": "{{when.date}}"
        filter: "{{when.date != None}}"
`,
    ACME_FIELDS,
  );
  const format = loadFormat(dir);
  const run = (message: string) => format.normalize({ message }, { testMode: true, nowMs: Date.UTC(2024, 0, 1) }) as any;
  assert.equal(run('{"time": 1700000000}')['@timestamp'], '2023-11-14T22:13:20Z');
  assert.equal(run('{"time": 0}')['@timestamp'], undefined);
  assert.equal(run('{"time": []}')['@timestamp'], undefined);
});

test('an event whose every stage fails is a failure record that keeps the message and names the stage', () => {
  const dir = jsonFillFormat(
    `      - set:
          observer.vendor: Acme
`,
  );
  const out = loadFormat(dir).normalize({ message: '{"truncated": ' }) as any;
  assert.equal(out.sekoiaio.intake.parsing_status, 'failure');
  assert.match(out.sekoiaio.intake.parsing_error, /stage "parsed" \(json\.parse-json\) failed/);
  assert.equal(out.message, '{"truncated": ');
  assert.equal(out.observer.vendor, 'Acme');
  assert.equal(out.sekoiaio.intake.dialect, 'Acme Gateway');
  assert.match(out.event.id, /^[0-9a-f-]{36}$/);
  assert.notEqual(out.event.id, '00000000-0000-0000-0000-000000000000');
});

test('an input without a message string is a failure record, not an exception', () => {
  const dir = makeFormat('name: acme\npipeline: []\nstages: {}\n');
  const out = loadFormat(dir).normalize({ nope: 1 } as any) as any;
  assert.equal(out.sekoiaio.intake.parsing_status, 'failure');
  assert.match(out.sekoiaio.intake.parsing_error, /no "message" string/);
});

test('envelope fields are kept, event.created dropped, dialect replaced', () => {
  const dir = makeFormat('name: acme\npipeline: []\nstages: {}\n');
  const out = loadFormat(dir).normalize(
    {
      message: 'x',
      log: { hostname: 'gw01', syslog: { appname: 'acme/auth' } },
      event: { created: '2024-01-01T00:00:00Z', id: 'abc' },
      sekoiaio: { intake: { dialect: 'Other', dialect_uuid: 'abc' } },
    },
    { testMode: true },
  ) as any;
  assert.deepEqual(out.log, { hostname: 'gw01', syslog: { appname: 'acme/auth' } });
  assert.equal(out.event.created, undefined);
  assert.equal(out.event.id, '00000000-0000-0000-0000-000000000000');
  assert.equal(out.sekoiaio.intake.dialect, 'test');
});

test('objects written twice are copies: filtering one field does not edit the other', () => {
  const dir = jsonFillFormat(
    `      - set:
          host: "{{parsed.message.host}}"
          server: "{{parsed.message.host}}"
`,
  );
  const out = loadFormat(dir).normalize({ message: '{"host":{"hostname":"web1","ip":"10.0.0.2"}}' }, { testMode: true }) as any;
  assert.equal(out.host.hostname, 'web1');
  assert.equal(out.server.hostname, undefined);
  assert.equal(out.server.ip, '10.0.0.2');
});

test('delete removes a field; the emptied parent, created by the write, is gone after normalization', () => {
  const dir = makeFormat(
    `name: acme
pipeline:
  - name: fill
stages:
  fill:
    actions:
      - set:
          acme.kind: a
      - delete:
          - acme.kind
          - not.there
`,
    ACME_FIELDS,
  );
  const out = loadFormat(dir).normalize({ message: 'x' }, { testMode: true }) as any;
  assert.equal(out.acme, undefined);
});

test('a key named __proto__ in event data is plain data', () => {
  const dir = jsonFillFormat(
    `      - set:
          acme.obj: "{{parsed.message}}"
`,
    ACME_FIELDS,
  );
  const out = loadFormat(dir).normalize({ message: '{"__proto__":{"polluted":1}}' }, { testMode: true }) as any;
  assert.equal(({} as any).polluted, undefined);
  assert.equal(Object.getPrototypeOf(out.acme.obj), Object.prototype);
});

test('load errors list every problem with file and line', () => {
  const dir = makeFormat(`name: acme
pipeline:
  - name: missing_stage
  - name: bad
    external:
      name: grok.match
      properties:
        pattern: "%{NOPE_NOT_A_PATTERN:x}"
stages: {}
`);
  assert.throws(() => loadFormat(dir), (err: unknown) => {
    assert.ok(err instanceof FormatLoadError);
    const text = err.message;
    assert.match(text, /parser\.yml:3: .*custom stage "missing_stage" is not defined/);
    assert.match(text, /parser\.yml:\d+: .*NOPE_NOT_A_PATTERN/);
    assert.equal(err.problems.length, 2);
    return true;
  });
});

test('a colon ending an if/elif/else/for tag is accepted with a warning naming the line, also in strict mode', () => {
  const parser = `name: acme
pipeline:
  - name: parsed
    external:
      name: json.parse-json
  - name: fill
stages:
  fill:
    actions:
      - set:
          acme.kind: >
            {%- if parsed.message.k in ["a", "b"]: -%}{{ ["ab"] }}
            {%- elif parsed.message.k == "c": -%}c
            {%- else: -%}{% for x in parsed.message.xs: %}{{ x }}{% else: %}none{% endfor %}
            {%- endif -%}
        filter: "{% if parsed.message.k: %}True{% else: %}False{% endif %}"
`;
  const format = loadFormat(makeFormat(parser, ACME_FIELDS), { strict: true });
  assert.ok(format.diagnostics.length >= 5, JSON.stringify(format.diagnostics));
  assert.ok(format.diagnostics.every((d) => /accepted leniently: a ':' ends the '(if|elif|else|for)' tag/.test(d.message)));
  assert.ok(format.diagnostics.some((d) => d.line === 11));
  const run = (m: object): any => format.normalize({ message: JSON.stringify(m) }, { testMode: true });
  assert.deepEqual(run({ k: 'b' }).acme.kind, ['ab']);
  assert.equal(run({ k: 'c' }).acme.kind, 'c');
  assert.equal(run({ k: 'z', xs: [1, 2] }).acme.kind, '12');
  assert.equal(run({ k: 'z', xs: [] }).acme.kind, 'none');
  assert.equal(run({ k: '' }).acme, undefined);
});

test('an unknown common stage or stage property is a warning with its line; the rest of the format runs', () => {
  const parser = `name: acme
pipeline:
  - name: parsed
    external:
      name: json.parse-jsn
  - name: kv
    external:
      name: kv.parse-kv
      properties:
        item_sep: ","
        no_such_option: 1
        reversed: true
  - name: fill
stages:
  fill:
    actions:
      - set:
          acme.kind: "{{ kv.message.a }}"
`;
  const format = loadFormat(makeFormat(parser, ACME_FIELDS));
  const lines = format.diagnostics.map((d) => `${d.line}: ${d.message}`);
  assert.equal(lines.length, 3, lines.join('\n'));
  assert.match(lines[0], /^5: .*unknown common stage "json\.parse-jsn"/);
  assert.match(lines[1], /^11: .*no property "no_such_option"/);
  assert.match(lines[2], /^12: .*reversed/);
  const out = format.normalize({ message: 'a=x,b=y' }, { testMode: true }) as any;
  assert.deepEqual(out.acme, { kind: 'x' });
  assert.throws(() => loadFormat(makeFormat(parser, ACME_FIELDS), { strict: true }), FormatLoadError);
});

test('a template that does not compile is a diagnostic, evaluates empty, and strict mode rejects it', () => {
  const parser = `name: acme
pipeline:
  - name: fill
stages:
  fill:
    actions:
      - set:
          acme.kind: "{{ broken ( }}"
          acme.count: "3"
`;
  const format = loadFormat(makeFormat(parser, ACME_FIELDS));
  assert.equal(format.diagnostics.length, 1);
  assert.match(format.diagnostics[0].message, /template syntax error/);
  assert.equal(format.diagnostics[0].line, 8);
  const out = format.normalize({ message: 'x' }, { testMode: true }) as any;
  assert.deepEqual(out.acme, { count: 3 });
  assert.throws(() => loadFormat(makeFormat(parser, ACME_FIELDS), { strict: true }), FormatLoadError);
});

test('missing manifest and invalid YAML are reported, not thrown as crashes', () => {
  const dir = makeFormat('name: [unclosed\n', '', 'name: Acme\n');
  assert.throws(() => loadFormat(dir), (err: unknown) => {
    assert.ok(err instanceof FormatLoadError);
    assert.match(err.message, /manifest needs a non-empty string `uuid`/);
    assert.match(err.message, /parser\.yml:\d+: invalid YAML/);
    return true;
  });
  assert.throws(() => loadFormat('/nonexistent/format/dir'), FormatLoadError);
});

test('filters decide which entries run; a filter that errors is false', () => {
  const dir = makeFormat(
    `name: acme
pipeline:
  - name: a
    filter: "{{ original.message.startswith('A') }}"
  - name: b
    filter: "{{ original.message.nope() }}"
  - name: c
    filter: ""
stages:
  a:
    actions:
      - set:
          acme.kind: from-a
  b:
    actions:
      - set:
          acme.count: 1
  c:
    actions:
      - set:
          acme.tags: ["c"]
        filter: "{{ final.acme is defined }}"
`,
    ACME_FIELDS,
  );
  const format = loadFormat(dir);
  assert.deepEqual((format.normalize({ message: 'Abc' }, { testMode: true }) as any).acme, { kind: 'from-a', tags: ['c'] });
  assert.equal((format.normalize({ message: 'zzz' }, { testMode: true }) as any).acme, undefined);
});

test('a manifest can turn off the action.outcome copy', () => {
  const parser = `name: acme
pipeline:
  - name: fill
stages:
  fill:
    actions:
      - set:
          action.outcome: success
`;
  const plain = loadFormat(makeFormat(parser)).normalize({ message: 'x' }, { testMode: true }) as any;
  assert.equal(plain.event.outcome, 'success');
  const manifest = 'uuid: 11111111-2222-3333-4444-555555555555\nname: Acme\nslug: acme\nnormalization:\n  copy_action_outcome: false\n';
  const off = loadFormat(makeFormat(parser, '', manifest)).normalize({ message: 'x' }, { testMode: true }) as any;
  assert.equal(off.event.outcome, undefined);
  assert.equal(off.action.outcome, 'success');
});

test('a list value drops elements that render empty; an element that raises writes nothing', () => {
  const dir = makeFormat(
    `name: acme
pipeline:
  - name: fill
stages:
  fill:
    actions:
      - set:
          acme.tags: ["{{ original.message }}", "{{ original.missing }}", "fixed"]
          acme.other: ["{{ original.message }}", "{{ original.missing.deeper }}"]
`,
    fields({ 'acme.tags': 'keyword', 'acme.other': 'keyword' }),
  );
  const out = loadFormat(dir).normalize({ message: 'm1' }, { testMode: true }) as any;
  assert.deepEqual(out.acme, { tags: ['m1', 'fixed'] });
});

test('an external stage writes its result under its output_field, message by default', () => {
  const dir = makeFormat(
    `name: acme
pipeline:
  - name: parsed
    external:
      name: json.parse-json
      properties:
        output_field: data
  - name: again
    external:
      name: json.parse-json
  - name: fill
stages:
  fill:
    actions:
      - set:
          acme.kind: "{{ parsed.data.k }}"
          acme.count: "{{ again.message.n }}"
          acme.tags: "{{ parsed.message is defined }}"
`,
    ACME_FIELDS,
  );
  const out = loadFormat(dir).normalize({ message: '{"k": "v", "n": 3}' }, { testMode: true }) as any;
  assert.equal(out.acme.kind, 'v');
  assert.equal(out.acme.count, 3);
  assert.equal(out.acme.tags, 'false');
});

test('a grok pattern that does not match fails its stage without making an error object', () => {
  const dir = makeFormat(
    `name: acme
pipeline:
  - name: only
    external:
      name: grok.match
      properties:
        pattern: "LOGIN %{WORD:who}"
`,
    ACME_FIELDS,
  );
  const format = loadFormat(dir);
  format.normalize({ message: 'warm-up' }, { testMode: true });
  const { value: out, errorsMade } = countErrorsMade((): any => format.normalize({ message: 'LOGOUT bob' }, { testMode: true }));
  assert.equal(errorsMade, 0);
  assert.equal(out.sekoiaio.intake.parsing_status, 'failure');
  assert.match(out.sekoiaio.intake.parsing_error, /stage "only" \(grok.match\) failed: grok pattern did not match/);
});
