import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NormalizedEvent } from '../../../../src/index.js';
import { builtinFormat, describeGoldenTests, field } from '../../golden.js';

const format = builtinFormat('sekoiaio/endpoint');

function normalize(message: Record<string, unknown>): NormalizedEvent {
  return format.normalize({ message: JSON.stringify(message) }, { testMode: true });
}

function securityEvent(code: number, properties: Record<string, string>): Record<string, unknown> {
  return {
    '@timestamp': '2024-03-11T09:12:44Z',
    action: { id: code, properties: { SourceName: 'Microsoft-Windows-Security-Auditing', ...properties } },
    event: { code, provider: 'Microsoft-Windows-Security-Auditing' },
    host: { hostname: 'WS-01', os: { type: 'windows' } },
  };
}

describeGoldenTests(format);

describe('sekoiaio-endpoint Windows logon types', () => {
  // Microsoft: "4624(S): An account was successfully logged on", Logon Types table
  const names: Record<string, string> = {
    '0': 'system',
    '2': 'interactive',
    '3': 'network',
    '4': 'batch',
    '5': 'service',
    '7': 'unlock',
    '8': 'network_cleartext',
    '9': 'alternative_credentials',
    '10': 'remote_interactive',
    '11': 'cached_interactive',
    '12': 'cached_remote_interactive',
    '13': 'cached_unlock',
  };
  for (const [logonType, name] of Object.entries(names)) {
    for (const code of [4624, 4625]) {
      it(`${code} with logon type ${logonType} is authentication_${name}`, () => {
        const event = normalize(securityEvent(code, { LogonType: logonType, WorkstationName: '-', IpAddress: '-' }));
        assert.equal(field(event, 'event.action'), `authentication_${name}`);
        assert.deepEqual(field(event, 'event.category'), ['authentication']);
      });
    }
  }
});

describe('sekoiaio-endpoint failure reasons', () => {
  const ntStatus: Record<string, string> = {
    '0xC000005E': 'no_logon_servers',
    '0xC0000064': 'user_not_exist',
    '0xC000006A': 'wrong_password',
    '0xC000006C': 'password_policy_not_met',
    '0xC000006D': 'bad_username_or_auth_info',
    '0xC000006E': 'account_restriction',
    '0xC000006F': 'outside_authorized_hours',
    '0xC0000070': 'unauthorized_workstation',
    '0xC0000071': 'password_expired',
    '0xC0000072': 'account_disabled',
    '0xC00000DC': 'sam_server_invalid_state',
    '0xC0000133': 'clock_out_of_sync',
    '0xC000015B': 'logon_type_not_granted',
    '0xC000018C': 'trust_relationship_failed',
    '0xC0000192': 'netlogon_not_started',
    '0xC0000193': 'account_expired',
    '0xC0000224': 'password_must_change',
    '0xC0000225': 'windows_bug',
    '0xC0000234': 'account_locked',
    '0xC00002EE': 'logon_error',
    '0xC0000371': 'no_secret_in_local_account_store',
    '0xC0000413': 'authentication_firewall',
  };
  for (const [status, reason] of Object.entries(ntStatus)) {
    it(`4625 SubStatus ${status} is ${reason}`, () => {
      const event = normalize(securityEvent(4625, { LogonType: '3', Status: '0xC000006D', SubStatus: status }));
      assert.equal(field(event, 'event.reason'), reason);
    });
    it(`4776 Status ${status.toLowerCase()} is ${reason}`, () => {
      const event = normalize(securityEvent(4776, { TargetUserName: 'bob', Status: status.toLowerCase() }));
      assert.equal(field(event, 'event.reason'), reason);
    });
  }

  it('4625 without SubStatus falls back to Status', () => {
    const event = normalize(securityEvent(4625, { LogonType: '2', Status: '0xC0000234', SubStatus: '0x0' }));
    assert.equal(field(event, 'event.reason'), 'account_locked');
  });

  const kerberos: Record<string, string> = {
    '0x6': 'user_not_exist',
    '0x12': 'account_revoked',
    '0x17': 'password_expired',
    '0x18': 'wrong_password',
    '0x25': 'clock_out_of_sync',
  };
  for (const [status, reason] of Object.entries(kerberos)) {
    it(`4771 Status ${status} is ${reason}`, () => {
      const event = normalize(securityEvent(4771, { TargetUserName: 'bob', Status: status }));
      assert.equal(field(event, 'event.reason'), reason);
    });
  }

  it('a successful validation has no reason', () => {
    const event = normalize(securityEvent(4776, { TargetUserName: 'bob', Status: '0x0' }));
    assert.equal(field(event, 'event.reason'), undefined);
    assert.equal(field(event, '_windows'), undefined);
  });
});

describe('sekoiaio-endpoint categorisation', () => {
  // ECS allowed event.category -> event.type pairs used by the tables
  const allowed: Record<string, string[]> = {
    authentication: ['start', 'end', 'info'],
    configuration: ['access', 'change', 'creation', 'deletion', 'info'],
    driver: ['change', 'end', 'info', 'start'],
    file: ['access', 'change', 'creation', 'deletion', 'info'],
    host: ['access', 'change', 'end', 'info', 'start'],
    iam: ['admin', 'change', 'creation', 'deletion', 'group', 'info', 'user'],
    intrusion_detection: ['allowed', 'denied', 'info'],
    library: ['start'],
    malware: ['info'],
    network: ['access', 'allowed', 'connection', 'denied', 'end', 'info', 'protocol', 'start'],
    process: ['access', 'change', 'end', 'info', 'start'],
    registry: ['access', 'change', 'creation', 'deletion'],
  };
  // types ECS allows for any category
  const generic = ['error', 'denied', 'deletion', 'change', 'start', 'end', 'creation'];

  function checkPairs(event: NormalizedEvent): void {
    const categories = field(event, 'event.category') as string[];
    const types = field(event, 'event.type') as string[];
    assert.ok(Array.isArray(categories) && Array.isArray(types), 'category and type are lists');
    for (const type of types) {
      assert.ok(
        categories.some((c) => allowed[c]?.includes(type) || generic.includes(type)),
        `${categories.join(',')} / ${type}`,
      );
    }
  }

  const sysmonIds = Array.from({ length: 29 }, (_, i) => i + 1).filter((id) => id !== 22);
  for (const id of sysmonIds) {
    it(`Sysmon ${id} is categorised`, () => {
      const event = normalize({
        action: { id, properties: { SourceName: 'Microsoft-Windows-Sysmon' } },
        event: { code: id, provider: 'Microsoft-Windows-Sysmon' },
        host: { hostname: 'WS-01' },
      });
      assert.equal(typeof field(event, 'event.action'), 'string');
      checkPairs(event);
    });
  }

  it('Sysmon 22 keeps the agent categorisation only', () => {
    const event = normalize({
      action: { id: 22, properties: { QueryName: 'example.org', User: 'CORP\\bob', Image: 'C:\\a.exe' } },
      event: { code: 22, provider: 'Microsoft-Windows-Sysmon' },
    });
    assert.equal(field(event, 'event.category'), undefined);
    assert.equal(field(event, 'dns.question.name'), 'example.org');
    assert.equal(field(event, 'user.name'), 'bob');
    assert.equal(field(event, 'user.domain'), 'CORP');
  });

  const securityIds = [
    4608, 4609, 4634, 4647, 4648, 4672, 4688, 4689, 4697, 4720, 4722, 4723, 4724, 4725, 4726, 4727, 4728, 4729,
    4730, 4731, 4732, 4733, 4734, 4738, 4740, 4756, 4757, 4767, 4768, 4769, 4770, 4771, 4776, 4778, 4779,
  ];
  for (const id of securityIds) {
    it(`Security ${id} is categorised`, () => {
      const event = normalize(securityEvent(id, { EventType: 'AUDIT_SUCCESS' }));
      assert.equal(typeof field(event, 'event.action'), 'string');
      assert.equal(field(event, 'action.outcome'), 'success');
      checkPairs(event);
    });
  }

  it('agent categorisation wins over the tables', () => {
    const event = normalize({
      action: { id: 1, properties: {} },
      event: { code: 1, provider: 'Microsoft-Windows-Sysmon', action: 'agent-action', category: ['process'], type: 'info' },
    });
    assert.equal(field(event, 'event.action'), 'agent-action');
    assert.deepEqual(field(event, 'event.type'), ['info']);
  });
});
