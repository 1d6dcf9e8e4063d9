/** `user_agent.*` from `user_agent.original` with the uap-core rules (spec section 11). */
import { isDict } from '../core/values.js';
import { objectAt, type Event } from './event-paths.js';
import { LruCache } from './lru-cache.js';
import { uapRules, type UapRule } from './uap-rules.js';

export interface UserAgentInfo {
  name: string;
  version: string | undefined;
  osName: string;
  osVersion: string | undefined;
  deviceName: string;
}

const PLACEHOLDER = /\$(\d)/g;

/** `$1`..`$9` replaced by the groups (missing ones by ''), trimmed; '' becomes undefined. */
function substitute(template: string, m: RegExpExecArray): string | undefined {
  const text = template.includes('$') ? template.replace(PLACEHOLDER, (_, i: string) => m[Number(i)] ?? '') : template;
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * The result slots of the first matching rule: slot i is its replacement or group i+1. A rule
 * whose required literal the text lacks cannot match and is not run (`lower`: the text lower-cased).
 */
function firstMatch(list: UapRule[], text: string, lower: string): (string | undefined)[] | undefined {
  for (const rule of list) {
    if (rule.literal !== undefined && !(rule.regex.ignoreCase ? lower : text).includes(rule.literal)) continue;
    const m = rule.regex.exec(text);
    if (m === null) continue;
    return rule.replacements.map((rep, i) => (rep !== undefined ? substitute(rep, m) : m[i + 1] || undefined));
  }
  return undefined;
}

/** `a[.b[.c...]]`, stopping at the first missing part; undefined without a first part. */
function joinVersion(parts: (string | undefined)[]): string | undefined {
  let out: string | undefined;
  for (const part of parts) {
    if (part === undefined) break;
    out = out === undefined ? part : `${out}.${part}`;
  }
  return out;
}

const cache = new LruCache<string, UserAgentInfo>(2048);

export function parseUserAgent(text: string): UserAgentInfo {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const rules = uapRules();
  const lower = text.toLowerCase();
  const ua = firstMatch(rules.userAgent, text, lower) ?? [];
  const os = firstMatch(rules.os, text, lower) ?? [];
  const device = firstMatch(rules.device, text, lower) ?? [];
  const info: UserAgentInfo = {
    name: ua[0] ?? 'Other',
    version: joinVersion(ua.slice(1, 4)),
    osName: os[0] ?? 'Other',
    osVersion: joinVersion(os.slice(1, 5)),
    deviceName: device[0] ?? 'Other',
  };
  cache.set(text, info);
  return info;
}

/**
 * The parse of `user_agent.original` overwrites what the parser wrote in name, version, os.name,
 * os.version and device.name (the catalog's tests expect the parse over a vendor's own browser
 * fields: docs/catalog-rules/taxonomy.md); a version the parse lacks is removed.
 * Other keys (`os.type`, ...) stay.
 */
export function inferUserAgent(event: Event): void {
  const userAgent = event.user_agent;
  if (!isDict(userAgent) || typeof userAgent.original !== 'string') return;
  const info = parseUserAgent(userAgent.original);
  userAgent.name = info.name;
  if (info.version !== undefined) userAgent.version = info.version;
  else delete userAgent.version;
  const os = objectAt(userAgent, ['os']);
  if (os !== undefined) {
    os.name = info.osName;
    if (info.osVersion !== undefined) os.version = info.osVersion;
    else delete os.version;
  }
  const device = objectAt(userAgent, ['device']);
  if (device !== undefined) device.name = info.deviceName;
}
