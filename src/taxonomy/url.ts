/** `url.*` parts from `url.full` / `url.original` (spec section 9), Python `urlsplit` style. */
import { isDict } from '../core/values.js';
import { splitDomain } from './domain-split.js';
import { fillDomainParts } from './endpoints.js';
import type { Event } from './event-paths.js';

// RFC 3986 appendix B. The scheme is then validated as urlsplit does (letter first, then
// letters, digits, "+-."); with an invalid one the string is parsed as scheme-less.
const RFC3986 = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#([\s\S]*))?/;
const NO_SCHEME = /^(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#([\s\S]*))?/;
const VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;
const DIGITS = /^[0-9]+$/;
const DEFAULT_PORTS = new Map([['http', 80], ['https', 443]]);

export interface UrlParts {
  scheme: string;
  /** Lower-cased host, '' when there is none. */
  host: string;
  port: number | undefined;
  path: string;
  query: string;
}

export function splitUrl(text: string): UrlParts {
  let scheme = '';
  let authority: string | undefined;
  let path: string;
  let query: string | undefined;
  const m = RFC3986.exec(text)!;
  if (m[1] !== undefined && VALID_SCHEME.test(m[1])) {
    scheme = m[1].toLowerCase();
    [authority, path, query] = [m[2], m[3], m[4]];
  } else {
    const n = NO_SCHEME.exec(text)!;
    [authority, path, query] = [n[1], n[2], n[3]];
  }
  let host = '';
  let port: number | undefined;
  if (authority !== undefined) {
    const hostInfo = authority.slice(authority.lastIndexOf('@') + 1);
    let portText: string;
    const bracket = hostInfo.indexOf('[');
    if (bracket >= 0) {
      const rest = hostInfo.slice(bracket + 1);
      const close = rest.indexOf(']');
      host = close >= 0 ? rest.slice(0, close) : rest;
      const after = close >= 0 ? rest.slice(close + 1) : '';
      const colon = after.indexOf(':');
      portText = colon >= 0 ? after.slice(colon + 1) : '';
    } else {
      const colon = hostInfo.indexOf(':');
      host = colon >= 0 ? hostInfo.slice(0, colon) : hostInfo;
      portText = colon >= 0 ? hostInfo.slice(colon + 1) : '';
    }
    host = host.toLowerCase();
    if (DIGITS.test(portText) && Number(portText) <= 65535) port = Number(portText);
  }
  return { scheme, host, port, path, query: query ?? '' };
}

export function inferUrl(event: Event): void {
  const url = event.url;
  if (!isDict(url)) return;
  const full = url.full;
  const text = typeof full === 'string' ? full : typeof url.original === 'string' ? url.original : undefined;
  if (text === undefined) {
    if (typeof url.domain === 'string') fillDomainParts(url, splitDomain(url.domain));
    return;
  }
  const parts = splitUrl(text);
  if (parts.scheme !== '' && url.scheme === undefined) url.scheme = parts.scheme;
  if (parts.host !== '' && url.domain === undefined) url.domain = parts.host;
  if (url.port === undefined) {
    const scheme = parts.scheme !== '' ? parts.scheme : typeof url.scheme === 'string' ? url.scheme.toLowerCase() : '';
    const port = parts.port ?? DEFAULT_PORTS.get(scheme);
    if (port !== undefined) url.port = port;
  }
  if (parts.path !== '' && url.path === undefined) url.path = parts.path;
  if (parts.query !== '' && url.query === undefined) url.query = parts.query;
  if (full === undefined && parts.host !== '' && DEFAULT_PORTS.has(parts.scheme)) url.full = url.original;
  if (parts.host !== '') fillDomainParts(url, splitDomain(parts.host));
}
