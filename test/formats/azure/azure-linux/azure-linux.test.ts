import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NormalizedEvent } from '../../../../src/index.js';
import { builtinFormat, describeGoldenTests, field } from '../../golden.js';

const format = builtinFormat('azure/azure-linux');

function syslog(ident: string, msg: string, severity = 'info', pid: string | null = '4242'): NormalizedEvent {
  const record = {
    time: '2024-03-11T08:15:42.0000000Z',
    properties: { ident, ...(pid === null ? {} : { pid }), Facility: 'authpriv', Severity: severity, Msg: msg, hostname: 'vm1' },
    category: 'authpriv',
    level: severity,
    operationName: 'LinuxSyslogEvent',
  };
  return format.normalize({ message: JSON.stringify(record) }, { testMode: true });
}

describeGoldenTests(format);

describe('azure-linux syslog severities', () => {
  const levels: Record<string, string> = {
    emerg: 'emergency', alert: 'alert', crit: 'critical', err: 'error', warning: 'warning', notice: 'info', info: 'info', debug: 'debug',
  };
  for (const [severity, level] of Object.entries(levels)) {
    it(`${severity} -> ${level}`, () => {
      assert.equal(field(syslog('kernel', 'x', severity), 'log.level'), level);
    });
  }
});

describe('azure-linux sshd authentication outcomes', () => {
  // [message, user.name, source ip or domain, action.outcome, event.outcome]
  const cases: [string, string | undefined, string, string | undefined, string][] = [
    ['Accepted keyboard-interactive/pam for carol from 192.0.2.1 port 2200 ssh2', 'carol', '192.0.2.1', 'success', 'success'],
    ['Failed none for invalid user test from 192.0.2.2 port 2201 ssh2', 'test', '192.0.2.2', 'failure', 'failure'],
    ['Invalid user ubnt from 192.0.2.3', 'ubnt', '192.0.2.3', 'failure', 'failure'],
    ['error: PAM: Authentication failure for root from bad.example.org', 'root', 'bad.example.org', 'failure', 'failure'],
    ['Received disconnect from 192.0.2.4 port 2202:11: Bye Bye [preauth]', undefined, '192.0.2.4', undefined, 'success'],
    ['Disconnected from invalid user admin 192.0.2.5 port 2203 [preauth]', 'admin', '192.0.2.5', undefined, 'success'],
    ['Did not receive identification string from 192.0.2.6 port 2204', undefined, '192.0.2.6', undefined, 'success'],
  ];
  for (const [msg, user, peer, actionOutcome, eventOutcome] of cases) {
    it(msg, () => {
      const event = syslog('sshd', msg);
      assert.equal(field(event, 'user.name'), user);
      assert.equal(field(event, 'source.address'), peer);
      assert.equal(field(event, 'action.outcome'), actionOutcome);
      assert.equal(field(event, 'event.outcome'), eventOutcome);
      assert.equal(field(event, 'process.pid'), 4242);
    });
  }
});

describe('azure-linux pid placement', () => {
  it('crond and cron log the parent of the job', () => {
    for (const ident of ['CROND', 'CRON', 'crond']) {
      const event = syslog(ident, '(root) CMD (/usr/bin/run-parts /etc/cron.hourly)');
      assert.equal(field(event, 'process.parent.pid'), 4242, ident);
      assert.equal(field(event, 'process.pid'), undefined, ident);
      assert.equal(field(event, 'process.executable'), '/usr/bin/run-parts', ident);
    }
  });
  it('a message without pid has no process.pid', () => {
    assert.equal(field(syslog('sudo', 'pam_unix(sudo:session): session closed for user root', 'info', null), 'process'), undefined);
  });
});

describe('azure-linux on a message that is not an Azure record', () => {
  it('is a failure that carries none of the Azure constants', () => {
    const event = format.normalize({ message: 'Jan 12 10:00:01 host sshd[1]: not an Azure record' }, { testMode: true });
    assert.equal(field(event, 'sekoiaio.intake.parsing_status'), 'failure');
    assert.match(String(field(event, 'sekoiaio.intake.parsing_error')), /parsed_event/);
    for (const name of ['os.family', 'os.platform', 'event.outcome', '@timestamp']) assert.equal(field(event, name), undefined, name);
    assert.equal(event.message, 'Jan 12 10:00:01 host sshd[1]: not an Azure record');
  });
});
