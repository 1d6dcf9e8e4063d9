import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameError, intakeKeyOf, parseSyslog, SyslogFramer, syslogEnvelope } from '../../src/intake/syslog-parse.js';

test('RFC 5424 header, structured data with escapes, MSG with BOM', () => {
  const m = parseSyslog('<134>1 2024-05-01T10:00:00.123Z web01 nginx 4242 ID47 [SEKOIA@53288 intake_key="k\\"1"][x@1 a="b\\]c"] \ufeffhello world');
  assert.equal(m.rfc, 5424);
  assert.equal(m.facility, 16);
  assert.equal(m.severity, 6);
  assert.equal(m.hostname, 'web01');
  assert.equal(m.appname, 'nginx');
  assert.equal(m.procid, '4242');
  assert.equal(m.msgid, 'ID47');
  assert.equal(intakeKeyOf(m), 'k"1');
  assert.deepEqual(m.structuredData['x@1'], { a: 'b]c' });
  assert.equal(m.msg, 'hello world');
  assert.deepEqual(syslogEnvelope(m), {
    log: { hostname: 'web01', syslog: { priority: 134, facility: { code: 16 }, severity: { code: 6 }, hostname: 'web01', appname: 'nginx', procid: '4242', msgid: 'ID47' } },
  });
});

test('RFC 5424 with nil values and no structured data', () => {
  const m = parseSyslog('<13>1 - - - - - - {"a":1}');
  assert.equal(m.rfc, 5424);
  assert.equal(m.hostname, undefined);
  assert.equal(intakeKeyOf(m), undefined);
  assert.equal(m.msg, '{"a":1}');
});

test('RFC 3164 header with tag and pid', () => {
  const m = parseSyslog('<38>Feb  5 17:32:18 host1 sshd[123]: Accepted password for bob');
  assert.equal(m.rfc, 3164);
  assert.equal(m.hostname, 'host1');
  assert.equal(m.appname, 'sshd');
  assert.equal(m.procid, '123');
  assert.equal(m.msg, 'Accepted password for bob');
});

test('text without header is kept whole', () => {
  assert.deepEqual(parseSyslog('just text'), { structuredData: {}, msg: 'just text', rfc: 0 });
});

test('framer: LF and octet-counted frames, split across chunks, CRLF', () => {
  const f = new SyslogFramer(1000);
  const texts = (bufs: Buffer[]) => bufs.map((b) => b.toString());
  assert.deepEqual(texts(f.push(Buffer.from('<1>a\r\n<1>b\n13 <1>multi\nli'))), ['<1>a', '<1>b']);
  assert.deepEqual(texts(f.push(Buffer.from('ne4 <1>x'))), ['<1>multi\nline', '<1>x']);
});

test('framer: a line starting with digits but no count is LF-delimited', () => {
  const f = new SyslogFramer(1000);
  assert.deepEqual(f.push(Buffer.from('2024-01-01 text\n')).map(String), ['2024-01-01 text']);
});

test('framer: oversized frames are refused', () => {
  assert.throws(() => new SyslogFramer(10).push(Buffer.from('999 <1>x')), FrameError);
  assert.throws(() => new SyslogFramer(10).push(Buffer.from('<1>aaaaaaaaaaaaaaaaaaaaa')), FrameError);
});
