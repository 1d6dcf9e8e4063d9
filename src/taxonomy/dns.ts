/**
 * `dns.question.name` domain split (spec 8.3, DNS paragraph); `dns.answers`: the record type of
 * address answers, and answers ordered by their number of fields.
 */
import { isIP } from 'node:net';
import { isDict } from '../core/values.js';
import { splitDomain } from './domain-split.js';
import { fillDomainParts } from './endpoints.js';
import type { Event } from './event-paths.js';

export function inferDnsParts(event: Event): void {
  const dns = event.dns;
  if (!isDict(dns)) return;
  const question = dns.question;
  if (isDict(question) && typeof question.name === 'string') fillDomainParts(question, splitDomain(question.name));
  if (Array.isArray(dns.answers)) {
    for (const answer of dns.answers) typeAddressAnswer(answer);
    sortByFieldCount(dns.answers);
  }
}

/** Answers with fewer fields come first; the order is kept among answers with as many. */
function sortByFieldCount(answers: unknown[]): void {
  const count = (a: unknown): number => (isDict(a) ? Object.keys(a).length : 0);
  answers.sort((a, b) => count(a) - count(b));
}

/** An answer whose `name` is an IP address and that has no `type` is an `A` (IPv4) or `AAAA` record. */
function typeAddressAnswer(answer: unknown): void {
  if (!isDict(answer) || answer.type !== undefined || typeof answer.name !== 'string') return;
  const version = isIP(answer.name);
  if (version !== 0) answer.type = version === 4 ? 'A' : 'AAAA';
}
