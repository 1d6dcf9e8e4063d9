import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY, startTestServer, waitFor } from './helpers.js';
import { freePort, requireBinary, startChild } from './processes.js';

// A real syslog client: Debian's rsyslogd receives lines on a loopback TCP input and forwards
// them to Intake with an RFC 5424 template carrying [SEKOIA@53288 intake_key="..."], octet-counted.
test('rsyslog forwards events to Intake and they arrive normalized', async (t) => {
  const rsyslogd = requireBinary(t, 'rsyslogd', ['/usr/sbin/rsyslogd']);
  if (!rsyslogd) return;
  const dir = mkdtempSync(join(tmpdir(), 'intake-rsyslog-'));
  const server = await startTestServer({ http: undefined, syslogTcp: { host: '127.0.0.1', port: 0 } });
  const inPort = await freePort();
  const conf = `
global(workDirectory="${dir}")
module(load="imtcp")
template(name="sekoia" type="string"
  string="<%PRI%>1 %TIMESTAMP:::date-rfc3339% %HOSTNAME% %APP-NAME% %PROCID% %MSGID% [SEKOIA@53288 intake_key=\\"${KEY}\\"] %msg%\\n")
ruleset(name="forward") {
  action(type="omfwd" target="127.0.0.1" port="${server.server.syslogTcp!.port}" protocol="tcp"
         template="sekoia" TCP_Framing="octet-counted")
}
input(type="imtcp" address="127.0.0.1" port="${inPort}" ruleset="forward")
`;
  writeFileSync(join(dir, 'rsyslog.conf'), conf);
  const rsyslog = startChild(rsyslogd, ['-n', '-f', join(dir, 'rsyslog.conf'), '-i', join(dir, 'rsyslog.pid')]);
  try {
    // Wait until rsyslog's input port accepts connections, then send RFC 5424 lines to it.
    const sock = await waitForConnect(inPort);
    for (let i = 0; i < 5; i++) sock.write(`<134>1 2024-05-01T10:00:0${i}Z app-host myapp 77 - - {"action":"rs${i}"}\n`);
    sock.end();
    await waitFor('5 events via rsyslog', () => server.server.store!.count() === 5, 15_000);
    const events = server.server.store!.search({}).map((r) => JSON.parse(r)).sort((a, b) => a.event.action.localeCompare(b.event.action));
    assert.deepEqual(events.map((e) => e.event.action), ['rs0', 'rs1', 'rs2', 'rs3', 'rs4']);
    assert.equal(events[0].message, '{"action":"rs0"}');
    assert.equal(events[0].sekoiaio.intake.parsing_status, 'success');
    assert.equal(events[0].log.syslog.appname, 'myapp');
    assert.equal(events[0].log.hostname, 'app-host');
  } finally {
    await rsyslog.stop('SIGTERM');
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function waitForConnect(port: number): Promise<import('node:net').Socket> {
  const end = Date.now() + 10_000;
  for (;;) {
    try {
      return await new Promise((resolve, reject) => {
        const s = connect(port, '127.0.0.1', () => resolve(s));
        s.on('error', reject);
      });
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
