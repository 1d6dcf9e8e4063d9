import { CORE } from './patterns/core.js';
import { FIREWALLS } from './patterns/firewalls.js';
import { SERVICES } from './patterns/services.js';
import { SYSLOG_HTTPD } from './patterns/syslog-httpd.js';

/** The built-in grok patterns (name → Python-dialect regex with %{...} references). */
export const BASE_PATTERNS: ReadonlyMap<string, string> = new Map(
  Object.entries({ ...CORE, ...SYSLOG_HTTPD, ...FIREWALLS, ...SERVICES }),
);
