/** Domain split of `dns.question.name` (spec 8.3, DNS paragraph); record types of address answers. */
import { isIP } from 'node:net';
import { isDict } from '../core/values.js';
import { splitDomain } from './domain-split.js';
import { fillDomainParts } from './endpoints.js';
import type { Event } from './event-paths.js';

export function inferDnsParts(event: Event): void {
  const dns = event.dns;
  if (!isDict(dns)) return;
  if (Array.isArray(dns.answers)) for (const answer of dns.answers) typeAddressAnswer(answer);
  const question = dns.question;
  if (!isDict(question) || typeof question.name !== 'string') return;
  fillDomainParts(question, splitDomain(question.name));
}

/** An answer whose `name` is an address and that has no `type` is an A or AAAA record. */
function typeAddressAnswer(answer: unknown): void {
  if (!isDict(answer) || answer.type !== undefined || typeof answer.name !== 'string') return;
  const version = isIP(answer.name);
  if (version !== 0) answer.type = version === 4 ? 'A' : 'AAAA';
}
