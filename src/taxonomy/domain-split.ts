/** Split of a host name into registered domain, top-level domain and subdomain (spec 8.3). */
import { createRequire } from 'node:module';
import { isIP } from 'node:net';
import type * as Tldts from 'tldts';
import { LruCache } from './lru-cache.js';

// The public suffix list is loaded on the first domain to split, not at startup.
const require = createRequire(import.meta.url);
let tldtsParse: typeof Tldts.parse | undefined;
const parse: typeof Tldts.parse = (host, options) => (tldtsParse ??= (require('tldts') as typeof Tldts).parse)(host, options);

export interface DomainParts {
  registered_domain?: string;
  top_level_domain?: string;
  subdomain?: string;
}

const TLDTS_OPTIONS = { allowPrivateDomains: false, extractHostname: false, validateHostname: false } as const;
const NO_PARTS: DomainParts = Object.freeze({});

/** Step 1 of 8.3: the bare host of a domain-like string, or '' when none. */
export function bareHost(text: string): string {
  let host = text.trim();
  const scheme = host.indexOf('://');
  if (scheme >= 0) host = host.slice(scheme + 3);
  const end = host.search(/[/?#]/);
  if (end >= 0) host = host.slice(0, end);
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  if (host.startsWith('[')) return ''; // bracketed IPv6 literal
  const colon = host.indexOf(':');
  if (colon >= 0 && colon === host.lastIndexOf(':')) host = host.slice(0, colon);
  if (host.endsWith('.')) host = host.slice(0, -1);
  return host;
}

const cache = new LruCache<string, DomainParts>(4096);

/** Keeps the input's case: parts are sliced from the original labels. Results are shared: do not mutate. */
export function splitDomain(text: string): DomainParts {
  let parts = cache.get(text);
  if (parts === undefined) {
    parts = computeSplit(text);
    cache.set(text, parts);
  }
  return parts;
}

function computeSplit(text: string): DomainParts {
  const host = bareHost(text);
  if (host === '' || isIP(host) !== 0 || host.includes(':')) return NO_PARTS;
  const labels = host.split('.');
  const info = parse(host.toLowerCase(), TLDTS_OPTIONS);
  if (info.publicSuffix !== null && info.isIcann === true) {
    const suffixLabels = info.publicSuffix.split('.').length;
    const parts: DomainParts = { top_level_domain: labels.slice(-suffixLabels).join('.') };
    if (labels.length > suffixLabels) {
      parts.registered_domain = labels.slice(-suffixLabels - 1).join('.');
      if (labels.length > suffixLabels + 1) parts.subdomain = labels.slice(0, -suffixLabels - 1).join('.');
    }
    return Object.freeze(parts);
  }
  // No ICANN suffix: every label but the last is the subdomain, nothing else.
  return labels.length > 1 ? Object.freeze({ subdomain: labels.slice(0, -1).join('.') }) : NO_PARTS;
}
