import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NormalizedEvent } from '../../../../src/index.js';
import { builtinFormat, describeGoldenTests, field } from '../../golden.js';

const format = builtinFormat('rubycat/proveit');

function audit(body: Record<string, unknown>, framing = (json: string) => `\ufeff@cee: ${json}\n\n`): NormalizedEvent {
  const event = {
    category: 'SYSTEM',
    severity: 'INFO',
    source: { componentId: 'coremanager', type: 'SYSTEM' },
    timestamp: '2022-12-13T06:25:56.859488+01:00',
    type: 'SYSTEM_SIMM_UNLOCKED',
    ...body,
  };
  return format.normalize({ message: framing(JSON.stringify(event)) }, { testMode: true });
}

describeGoldenTests(format);

describe('rubycat-proveit severities', () => {
  const scale: Record<string, number> = {
    DEBUG: 0, INFO: 10, NOTICE: 20, WARNING: 30, ERROR: 40, CRITICAL: 50, ALERT: 60, EMERGENCY: 70,
  };
  for (const [word, level] of Object.entries(scale)) {
    it(`${word} -> ${level}`, () => {
      assert.equal(field(audit({ severity: word }), 'event.severity'), level);
    });
  }
  it('an unknown severity word sets no event.severity', () => {
    assert.equal(field(audit({ severity: 'VERBOSE' }), 'event.severity'), undefined);
  });
});

describe('rubycat-proveit framing', () => {
  const framings: Record<string, (json: string) => string> = {
    'BOM, cookie, newlines': (json) => `\ufeff@cee: ${json}\n\n`,
    'cookie only': (json) => `@cee:${json}`,
    'syslog header left in front': (json) => `<134>1 2022-12-13T06:25:56+01:00 bastion proveit - - - @cee: ${json}`,
  };
  for (const [name, framing] of Object.entries(framings)) {
    it(name, () => {
      const event = audit({}, framing);
      assert.equal(field(event, 'sekoiaio.intake.parsing_status'), 'success');
      assert.equal(field(event, 'event.action'), 'system_simm_unlocked');
      assert.equal(field(event, '@timestamp'), '2022-12-13T05:25:56.859488Z');
    });
  }
});

describe('rubycat-proveit categories', () => {
  const user = { ip: '10.1.2.5', profiles: ['USER'], protocol: 'rdp', realmName: 'r.local', roles: [], type: 'HB', userName: 'u' };
  const cases: [string, string[] | undefined, string[] | undefined][] = [
    ['USER_CONNECTION_SUCCESS', ['authentication'], ['start']],
    ['USER_CONNECTION_FAILURE', ['authentication'], ['start']],
    ['USER_DISCONNECTION', ['authentication'], ['end']],
    ['USER_DISCONNECTION_ON_INACTIVITY', ['authentication'], ['end']],
    ['USER_SERVICE_CONNECTION_SUCCESS', undefined, undefined],
    ['ADMIN_SERVICES_SERVICE_MODIFY', undefined, undefined],
  ];
  for (const [type, category, kind] of cases) {
    it(type, () => {
      const event = audit({ category: 'USER', source: user, type });
      assert.deepEqual(field(event, 'event.category'), category);
      assert.deepEqual(field(event, 'event.type'), kind);
      assert.equal(field(event, 'event.action'), type.toLowerCase());
    });
  }
  it('a source ip that is not an address is not stored', () => {
    const event = audit({ category: 'USER', source: { ...user, ip: 'unknown' }, type: 'USER_CONNECTION_FAILURE' });
    assert.equal(field(event, 'source.ip'), undefined);
    assert.equal(field(event, 'source.user.name'), 'u');
  });
});
