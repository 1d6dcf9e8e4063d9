/** Windows logon enrichment for event codes 4624/4625 (spec section 13). */
import { isIP } from 'node:net';
import { isDict } from '../core/values.js';
import { fillIn, getIn, objectAt, type Event } from './event-paths.js';

/** Logon types as Microsoft documents them for events 4624/4625, as `event.action` suffixes. */
export const LOGON_TYPE_NAMES: ReadonlyMap<string, string> = new Map([
  ['2', 'interactive'],
  ['3', 'network'],
  ['4', 'batch'],
  ['5', 'service'],
  ['7', 'unlock'],
  ['8', 'network_cleartext'],
  ['9', 'alternative_credentials'], // NewCredentials
  ['10', 'remote_interactive'],
  ['11', 'cached_interactive'],
  ['12', 'cached_remote_interactive'],
  ['13', 'cached_unlock'],
]);

const LOGON_CODES = new Set(['4624', '4625']);

/** Failed-logon sub-status codes (lower-case hex) and the `event.reason` they give. */
export const LOGON_FAILURE_REASONS: ReadonlyMap<string, string> = new Map([
  ['0xc0000064', 'user_not_exist'],
  ['0xc000006a', 'bad_password'],
]);
const SERVER_OS = ['sekoiaio', 'server', 'os'];
const CLIENT_OS = ['sekoiaio', 'client', 'os'];

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

export function enrichWindowsLogon(event: Event): void {
  const ev = event.event;
  if (!isDict(ev)) return;
  const code = text(ev.code);
  if (code === undefined || !LOGON_CODES.has(code)) return;
  const props = getIn(event, ['action', 'properties']);
  const data: Event = isDict(props) ? props : {};
  const host = isDict(event.host) ? event.host : {};

  fillIn(event, SERVER_OS, 'type', 'windows');
  const logonProcess = data.LogonProcessName ?? getIn(event, ['process', 'name']);
  if (logonProcess !== undefined) fillIn(event, ['sekoiaio', 'authentication', 'process'], 'name', logonProcess);
  if (ev.outcome !== undefined) fillIn(event, ['action'], 'outcome', ev.outcome);
  if (ev.category === undefined) ev.category = ['authentication'];
  if (ev.type === undefined) ev.type = ['start'];
  else if (Array.isArray(ev.type) && !ev.type.includes('start')) ev.type.push('start');
  if (data.SubjectUserSid !== undefined) {
    const user = objectAt(event, ['user']);
    if (user !== undefined) user.id = data.SubjectUserSid;
  }
  const subStatus = text(data.SubStatus);
  const reason = subStatus === undefined ? undefined : LOGON_FAILURE_REASONS.get(subStatus.trim().toLowerCase());
  if (code === '4625' && reason !== undefined && ev.reason === undefined) ev.reason = reason;
  const workstation = data.WorkstationName;
  const named = workstation !== undefined && workstation !== '-';
  if (named) fillIn(event, ['sekoiaio', 'client'], 'name', workstation);

  const logonType = text(data.LogonType);
  if (logonType === undefined) return;
  const typeName = LOGON_TYPE_NAMES.get(logonType.trim());
  if (typeName !== undefined) ev.action = `authentication_${typeName}`;

  const clientName = named ? workstation : host.name;
  if (clientName !== undefined) fillIn(event, ['sekoiaio', 'client'], 'name', clientName);
  fillIn(event, CLIENT_OS, 'type', 'windows');
  if (host.name !== undefined) fillIn(event, ['sekoiaio', 'server'], 'name', host.name);
  if (named && typeof data.IpAddress === 'string' && isIP(data.IpAddress) !== 0) fillIn(event, ['client'], 'ip', data.IpAddress);
  if (host.domain !== undefined) {
    fillIn(event, ['server'], 'domain', host.domain);
    if (!named) fillIn(event, ['client'], 'domain', host.domain);
  }
  if (host.ip !== undefined) fillIn(event, ['server'], 'ip', Array.isArray(host.ip) ? host.ip.slice() : host.ip);
  if (data.TargetUserName !== undefined) fillIn(event, ['user', 'target'], 'name', data.TargetUserName);
  if (data.TargetUserSid !== undefined) fillIn(event, ['user', 'target'], 'id', data.TargetUserSid);
  const subject = data.SubjectUserName;
  if (subject !== undefined && subject !== '-') {
    // The one inference that overwrites a parser value (spec 13).
    const user = objectAt(event, ['user']);
    if (user !== undefined) user.name = subject;
  }
}
