/** Address inference (spec 8.1) with the domain split of source/destination (8.2). */
import { isDict } from '../core/values.js';
import { splitDomain, type DomainParts } from './domain-split.js';
import type { Event } from './event-paths.js';

const GROUPS: ReadonlyArray<readonly [group: string, splitsDomain: boolean]> = [
  ['source', true],
  ['destination', true],
  ['client', true],
];

/** Copies `parts` into `target` where the field is absent. */
export function fillDomainParts(target: Event, parts: DomainParts): void {
  if (parts.registered_domain !== undefined && target.registered_domain === undefined) target.registered_domain = parts.registered_domain;
  if (parts.top_level_domain !== undefined && target.top_level_domain === undefined) target.top_level_domain = parts.top_level_domain;
  if (parts.subdomain !== undefined && target.subdomain === undefined) target.subdomain = parts.subdomain;
}

function copy(value: unknown): unknown {
  return Array.isArray(value) ? value.slice() : value;
}

export function inferAddresses(event: Event): void {
  for (const [group, splitsDomain] of GROUPS) {
    const endpoint = event[group];
    if (!isDict(endpoint) || endpoint.address !== undefined) continue;
    const domain = endpoint.domain;
    if (domain !== undefined) {
      endpoint.address = copy(domain);
      if (splitsDomain && typeof domain === 'string') fillDomainParts(endpoint, splitDomain(domain));
    } else if (endpoint.ip !== undefined) {
      endpoint.address = copy(endpoint.ip);
    }
  }
}
