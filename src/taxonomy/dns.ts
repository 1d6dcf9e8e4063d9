/** `dns.question.name` domain split (spec 8.3, DNS paragraph) and the record type of address answers. */
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
  if (Array.isArray(dns.answers)) for (const answer of dns.answers) typeAddressAnswer(answer);
}

/** An answer whose `name` is an IP address and that has no `type` is an `A` (IPv4) or `AAAA` record. */
function typeAddressAnswer(answer: unknown): void {
  if (!isDict(answer) || answer.type !== undefined || typeof answer.name !== 'string') return;
  const version = isIP(answer.name);
  if (version !== 0) answer.type = version === 4 ? 'A' : 'AAAA';
}
