import { test } from 'node:test';
import assert from 'node:assert/strict';
import { grokMatch } from '../../src/stages/grok.js';
import { StageConfigError, StageError, StageFailed, type StageCompileContext } from '../../src/stages/stage.js';
import { PyFloat } from '../../src/core/values.js';

const ctx: StageCompileContext = { compileTemplate: () => () => '' };
const run = { scope: {}, nowMs: 0 };
const grok = (pattern: string, custom?: Record<string, string>) => grokMatch.compile({ pattern, custom_patterns: custom }, ctx);
const matches = (pattern: string, input: string): boolean => !(grok(pattern).run(input, run) instanceof StageFailed);

// Spec 7.2: every base pattern used by the catalog, with matching and non-matching samples.
const SAMPLES: Record<string, [string[], string[]]> = {
  DATA: [['', 'any text'], []],
  GREEDYDATA: [['', 'a b c'], []],
  IP: [['10.1.2.3', '::1', 'fe80::1%eth0', '2001:db8::8a2e:370:7334'], ['256.1.1.1', '1.2.3']],
  NUMBER: [['42', '-1.5', '+.5', '3.'.slice(0, 1)], ['1.', 'abc', '1e5']],
  WORD: [['hello_1'], ['two words', 'a-b']],
  NOTSPACE: [['a/b:c'], ['a b', '']],
  INT: [['-12', '+3', '007'], ['1.0', '']],
  HOSTNAME: [['example.com', 'a-b.c', 'host.'], ['-bad.com', 'a_b.com']],
  MAC: [['0011.2233.4455', '00-11-22-33-44-55', '00:11:22:33:44:aa'], ['00:11:22:33:44', '0011-2233-4455']],
  USERNAME: [['john.doe-1_x'], ['john doe', 'a@b']],
  USER: [['root'], ['r t']],
  SPACE: [['', '  \t'], ['x']],
  IPORHOST: [['10.0.0.1', 'srv01.local'], ['a b']],
  TIMESTAMP_ISO8601: [['2024-01-31T12:34:56.789Z', '2024-01-31 12:34', '2024-1-5T01:02:03+02:00'], ['2024-13-01T00:00:00', '2024-01-31']],
  EMAILADDRESS: [['john.doe@example.com'], ['@example.com', 'john']],
  IPV4: [['192.168.0.1', '0.0.0.0'], ['192.168.0.256', '1.2.3.4.5']],
  POSINT: [['1', '42'], ['0', '-1', '01']],
  BASE16NUM: [['0x1F', 'ff', '-0xA'], ['0xG', 'xyz']],
  CISCO_ACTION: [['Built', 'Teardown', 'Deny', 'denied by ACL', 'est-allowed'], ['Allowed']],
  MONTHDAY: [['1', '09', '31'], ['32', '00']],
  YEAR: [['2024', '24'], ['202', '12345']],
  MINUTE: [['00', '59'], ['60', '5']],
  SECOND: [['59', '60', '05.123', '5,1'], ['61']],
  HOUR: [['0', '09', '23'], ['24']],
  MONTHNUM: [['1', '09', '12'], ['13', '00']],
  URIPATHPARAM: [['/a/b?c=d&e=f', '/'], ['a/b']],
  URIPATH: [['/a/b.html', '/x//y'], ['noslash']],
  URI: [['https://user:pw@example.com:8443/p/a?q=1', 'ftp://host'], ['example.com/path']],
  URIHOST: [['example.com:8080', '10.0.0.1'], ['host:port']],
  URIPROTO: [['https', 'svn+ssh'], ['1http']],
  TIME: [['12:34:56', '01:02:03.456'], ['12:34', '25:00:00']],
  UUID: [['123e4567-e89b-12d3-a456-426614174000'], ['123e4567-e89b-12d3-a456-42661417400']],
  HTTPDATE: [['10/Oct/2000:13:55:36 -0700'], ['10/Oct/2000 13:55:36 -0700']],
  MONTH: [['Jan', 'January', 'Mär', 'Okt', 'Dez', 'sep'], ['Jux']],
  CISCO_DIRECTION: [['Inbound', 'outbound'], ['INBOUND']],
  CISCO_REASON: [['Duplicate TCP SYN', 'TCP Reset O', 'some reason words'], []],
  CISCO_INTERVAL: [['first hit', '300-second interval'], ['second interval']],
  CISCO_XLATE_TYPE: [['static', 'dynamic'], ['Static']],
  SYSLOGTIMESTAMP: [['Jan  5 12:34:56', 'Feb 15 01:02:03'], ['Jan 5 12:34']],
  IPV6: [['::', '2001:db8::1', '::ffff:192.168.1.1', '1:2:3:4:5:6:7:8'], ['1:2:3:4:5:6:7:8:9', 'g::1']],
  LOGLEVEL: [['INFO', 'info', 'Warning', 'ERR', 'emergency', 'EMERG'], ['iNFO']],
  NONNEGINT: [['0', '12'], ['-1']],
  PROG: [['sshd', 'postfix/smtpd'], ['a b', 'x[1]']],
  HTTPDERROR_DATE: [['Wed Oct 11 14:32:52.123456 2000'], ['Oct 11 14:32:52 2000']],
  HAPROXYDATE: [['09/Dec/2013:12:59:46.633'], ['09/Dec/2013:12:59:46']],
  HTTPDUSER: [['-', 'john', 'john@example.com'], ['a b']],
  DAY: [['Mon', 'Sunday'], ['Mo']],
  BASE10NUM: [['1', '1.5', '.5'], ['.']],
  QS: [['"a \\" b"', "'x'", '""', '`y`'], ['"unterminated', '"a" b"']],
  ISO8601_TIMEZONE: [['Z', '+02:00', '-0530'], ['+2']],
  DATE: [['12/31/2024', '31.12.2024', '1-2-24'], ['2024/12/31']],
  DATESTAMP: [['12/31/2024 12:00:00', '31.12.2024-01:02:03'], ['12/31/2024']],
  PATH: [['/var/log/x.log', 'C:\\Windows\\x.exe'], ['relative/path']],
};

test('every base pattern of spec 7.2 matches its samples and rejects the others', () => {
  for (const [name, [good, bad]] of Object.entries(SAMPLES)) {
    for (const s of good) assert.ok(matches(`%{${name}}`, s), `${name} should match ${JSON.stringify(s)}`);
    for (const s of bad) assert.ok(!matches(`%{${name}}`, s), `${name} should not match ${JSON.stringify(s)}`);
  }
});

test('captures: %{NAME}, %{NAME:field}, inner captures, None for non-participating groups', () => {
  const out = grok('%{IPORHOST:host}(?::%{POSINT:port})? %{WORD}').run('example.com:80 GET', run);
  assert.deepEqual(out, { host: 'example.com', IP: null, IPV6: null, IPV4: null, HOSTNAME: 'example.com', port: '80', WORD: 'GET' });
  const uri = grok('%{URIHOST}').run('h.example:8443', run) as Record<string, unknown>;
  assert.equal(uri.port, '8443');
  const ha = grok('%{HAPROXYDATE}').run('09/Dec/2013:12:59:46.633', run) as Record<string, unknown>;
  assert.equal(ha.haproxy_monthday, '09');
  assert.equal(ha.haproxy_milliseconds, '633');
  assert.deepEqual(grok('(?P<a>x)?%{WORD:w}').run('y', run), { a: null, w: 'y' });
});

test('duplicate names: right-most participating occurrence wins', () => {
  assert.deepEqual(grok('%{DATA:x} %{DATA:x}').run('a b c', run), { x: 'b c' });
  assert.deepEqual(grok('%{DATA} %{DATA}').run('a b c', run), { DATA: 'b c' });
  const alt = grok('(%{IP:src}|%{HOSTNAME:src}) end').run('srv.local end', run) as Record<string, unknown>;
  assert.equal(alt.src, 'srv.local');
  const alt2 = grok('(%{IP:src}|%{HOSTNAME:src}) end').run('10.0.0.1 end', run) as Record<string, unknown>;
  assert.equal(alt2.src, '10.0.0.1');
});

test('full match: a lazy DATA at the end takes the rest of the line', () => {
  assert.deepEqual(grok('%{WORD:a} %{DATA:rest}').run('x y z', run), { a: 'x', rest: 'y z' });
  assert.deepEqual(grok('%{WORD:a}').run('x y', run), new StageFailed('grok pattern did not match'));
});

test(':int and :float convert; a non-participating converted group stays None', () => {
  const out = grok('%{INT:n:int} %{NUMBER:f:float}(?: %{INT:opt:int})?').run('-42 3', run) as Record<string, unknown>;
  assert.equal(out.n, -42);
  assert.ok(out.f instanceof PyFloat && out.f.value === 3);
  assert.equal(out.opt, null);
  assert.equal((grok('%{INT:n:int}').run('12345678901234567890', run) as Record<string, unknown>).n, 12345678901234567890n);
});

test('custom patterns: recursive, override base ones, lazy about unused unknown names', () => {
  const custom = { MY_HOST: '%{HOSTNAME}', LINE: '%{MY_HOST:h} %{WORD:w}', WORD: '[a-z]+', UNUSED: '%{DOES_NOT_EXIST}' };
  assert.deepEqual(grok('%{LINE}', custom).run('a.b xyz', run), { LINE: 'a.b xyz', h: 'a.b', HOSTNAME: 'a.b', w: 'xyz' });
  assert.ok(grok('%{LINE}', custom).run('a.b XYZ', run) instanceof StageFailed);
});

test('configuration errors: unknown pattern, bad regex, cycles, bad conversion', () => {
  assert.throws(() => grok('%{NOPE}'), (e: unknown) => e instanceof StageConfigError && /unknown grok pattern %\{NOPE\}/.test((e as Error).message));
  assert.throws(() => grok('(%{WORD}'), (e: unknown) => e instanceof StageConfigError && /invalid regex.*unterminated subpattern/.test((e as Error).message));
  assert.throws(() => grok('%{A}', { A: 'x%{B}', B: '%{A}' }), (e: unknown) => e instanceof StageConfigError && /cycle: A -> B -> A/.test((e as Error).message));
  assert.throws(() => grok('%{INT:n:long}'), (e: unknown) => e instanceof StageConfigError && /conversion/.test((e as Error).message));
  assert.throws(() => grokMatch.compile({}, ctx), StageConfigError);
});

test('run errors: non-string input is a StageError, no match a returned StageFailed', () => {
  const g = grok('%{INT}');
  assert.throws(() => g.run(12, run), (e: unknown) => e instanceof StageError && /not a string/.test((e as Error).message));
  const failed = g.run('x', run);
  assert.ok(failed instanceof StageFailed && /grok pattern did not match/.test(failed.reason));
});

test('the output record lists every name in pattern order; __proto__ is an own key', () => {
  const out = grok('(?P<z>x)?(?P<__proto__>a)%{INT:n:int}(?P<constructor>b)?').run('a42', run) as Record<string, unknown>;
  assert.deepEqual(Object.keys(out), ['z', '__proto__', 'n', 'constructor']);
  assert.equal(Object.getPrototypeOf(out), Object.prototype);
  assert.equal(Object.getOwnPropertyDescriptor(out, '__proto__')?.value, 'a');
  assert.equal(out.n, 42);
  assert.equal(out.z, null);
  assert.equal(out.constructor, null);
});
