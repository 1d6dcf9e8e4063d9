/** DNS inference: the domain split of `dns.question.name` (spec 8.3), and the answers' order and types. */
import { isIP } from 'node:net';
import { isDict } from '../core/values.js';
import { splitDomain } from './domain-split.js';
import { fillDomainParts } from './endpoints.js';
import type { Event } from './event-paths.js';

export function inferDnsParts(event: Event): void {
  const dns = event.dns;
  if (!isDict(dns)) return;
  if (Array.isArray(dns.answers)) dns.answers = orderedAnswers(dns.answers);
  const question = dns.question;
  if (!isDict(question) || typeof question.name !== 'string') return;
  fillDomainParts(question, splitDomain(question.name));
}

/**
 * An answer without `type` whose `name` is an IP address is an A (IPv4) or AAAA (IPv6) record;
 * then the answers are ordered by their number of keys, keeping the order among equals
 * (docs/catalog-rules/taxonomy.md).
 */
function orderedAnswers(answers: unknown[]): unknown[] {
  for (const answer of answers) {
    if (!isDict(answer) || answer.type !== undefined || typeof answer.name !== 'string') continue;
    const version = isIP(answer.name);
    if (version !== 0) answer.type = version === 4 ? 'A' : 'AAAA';
  }
  const keyCount = (v: unknown): number => (isDict(v) ? Object.keys(v).length : 0);
  return answers
    .map((answer, index) => ({ answer, index, keys: keyCount(answer) }))
    .sort((a, b) => a.keys - b.keys || a.index - b.index)
    .map((entry) => entry.answer);
}
