import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LOGON_TYPE_NAMES } from '../../src/taxonomy/index.js';
import { normalize } from './helpers.js';

type Obj = Record<string, any>;

function logon(properties: Obj, extra: Obj = {}): Obj {
  return normalize({
    event: { code: '4624', outcome: 'success' },
    host: { name: 'DC01', domain: 'CORP', ip: '10.0.0.5' },
    action: { properties },
    ...extra,
  }).event as Obj;
}

test('network logon with a named workstation', () => {
  const e = logon({
    LogonType: '3', LogonProcessName: 'NtLmSsp ', WorkstationName: 'PC42', IpAddress: '10.0.0.9',
    TargetUserName: 'alice', TargetUserSid: 'S-1-5-21-1', SubjectUserName: '-',
  }, { user: { name: 'parser' } });
  assert.equal(e.event.action, 'authentication_network');
  assert.deepEqual(e.event.category, ['authentication']);
  assert.deepEqual(e.event.type, ['start']);
  assert.equal(e.action.outcome, 'success');
  assert.deepEqual(e.sekoiaio, {
    server: { os: { type: 'windows' }, name: 'DC01' },
    authentication: { process: { name: 'NtLmSsp ' } },
    client: { name: 'PC42', os: { type: 'windows' } },
  });
  assert.equal(e.client.ip, '10.0.0.9');
  assert.equal(e.client.domain, undefined);
  assert.equal(e.server.domain, 'CORP');
  assert.equal(e.server.ip, '10.0.0.5');
  assert.deepEqual(e.user, { name: 'parser', target: { name: 'alice', id: 'S-1-5-21-1' } });
  // added after related.* and address inference
  assert.deepEqual(e.related, { ip: ['10.0.0.5'], user: ['parser'] });
  assert.equal(e.client.address, undefined);
});

test('unnamed workstation: host.name as client name, client.domain, no client.ip', () => {
  const e = logon({ LogonType: 9, WorkstationName: '-', IpAddress: '10.0.0.9', SubjectUserName: 'bob' });
  assert.equal(e.event.action, 'authentication_alternative_credentials');
  assert.equal(e.sekoiaio.client.name, 'DC01');
  assert.equal(e.client.domain, 'CORP');
  assert.equal(e.client.ip, undefined);
  assert.equal(e.user.name, 'bob'); // SubjectUserName overwrites
});

test('without LogonType only the base fields are added; process.name is the fallback', () => {
  const e = normalize({ event: { code: '4625', category: ['iam'] }, process: { name: 'lsass.exe' }, action: { properties: {} } }).event as Obj;
  assert.deepEqual(e.sekoiaio, { server: { os: { type: 'windows' } }, authentication: { process: { name: 'lsass.exe' } } });
  assert.deepEqual(e.event, { code: '4625', category: ['iam'], type: ['start'] });
  assert.equal(e.client, undefined);
});

test('other event codes are untouched', () => {
  const e = normalize({ event: { code: '4688' }, action: { properties: { LogonType: '3' } } }).event as Obj;
  assert.deepEqual(e.event, { code: '4688' });
  assert.equal(e.sekoiaio, undefined);
});

test('the full logon type table', () => {
  assert.deepEqual(Object.fromEntries(LOGON_TYPE_NAMES), {
    2: 'interactive', 3: 'network', 4: 'batch', 5: 'service', 7: 'unlock', 8: 'network_cleartext',
    9: 'alternative_credentials', 10: 'remote_interactive', 11: 'cached_interactive',
    12: 'cached_remote_interactive', 13: 'cached_unlock',
  });
  assert.equal(logon({ LogonType: '5' }).event.action, 'authentication_service');
  assert.equal(logon({ LogonType: '10' }).event.action, 'authentication_remote_interactive');
  assert.equal(logon({ LogonType: '99' }).event.action, undefined);
});

test('the logon type overwrites a parser event.action; user.id is the subject SID', () => {
  const e = normalize({
    event: { code: '4625', action: 'Logon', outcome: 'failure', type: ['info'] },
    host: { name: 'DC01' },
    user: { id: 'S-1-0-0' },
    action: { properties: { LogonType: '3', SubjectUserSid: 'S-1-5-18', SubjectUserName: '-', SubStatus: '0xC0000064' } },
  }).event as Obj;
  assert.equal(e.event.action, 'authentication_network');
  assert.deepEqual([...e.event.type].sort(), ['info', 'start']);
  assert.equal(e.event.reason, 'user_not_exist');
  assert.equal(e.user.id, 'S-1-5-18');
  assert.equal(e.user.name, undefined);
});

test('failure reasons: only for 4625, known sub-statuses, never over the parser', () => {
  const reason = (code: string, props: Obj, event: Obj = {}) =>
    (normalize({ event: { code, ...event }, action: { properties: { LogonType: '2', ...props } } }).event as Obj).event.reason;
  assert.equal(reason('4625', { SubStatus: '0xc000006a' }), 'bad_password');
  assert.equal(reason('4625', { SubStatus: '0xc0000072' }), undefined);
  assert.equal(reason('4624', { SubStatus: '0xc0000064' }), undefined);
  assert.equal(reason('4625', { SubStatus: '0xc0000064' }, { reason: 'given' }), 'given');
});

test('without LogonType a named workstation still names the client', () => {
  const e = normalize({
    event: { code: '4625', type: ['end'] },
    host: { name: 'DC01' },
    action: { properties: { WorkstationName: 'PC7', SubjectUserSid: 'S-1-5-18' } },
  }).event as Obj;
  assert.deepEqual(e.sekoiaio, { server: { os: { type: 'windows' } }, client: { name: 'PC7' } });
  assert.deepEqual([...e.event.type].sort(), ['end', 'start']);
  assert.equal(e.user.id, 'S-1-5-18');
  assert.equal(e.event.action, undefined);
});
