/** Domain split of `dns.question.name` (spec 8.3, DNS paragraph). */
import { isDict } from '../core/values.js';
import { splitDomain } from './domain-split.js';
import { fillDomainParts } from './endpoints.js';
import type { Event } from './event-paths.js';

export function inferDnsParts(event: Event): void {
  const dns = event.dns;
  if (!isDict(dns)) return;
  const question = dns.question;
  if (!isDict(question) || typeof question.name !== 'string') return;
  fillDomainParts(question, splitDomain(question.name));
}
