/** `related.*` (spec section 7): recomputed from scratch from a fixed list of source fields. */
import type { Event } from './event-paths.js';
import { compareCodePoints } from './python-format.js';

const HASH_OWNERS = ['file', 'process', 'process.parent', 'dll', 'tls.server', 'tls.client'];
const HASH_KINDS = ['md5', 'sha1', 'sha256', 'sha384', 'sha512', 'ssdeep'];

/**
 * THE source-field table. `url.domain` counts only as written by the parser: related runs
 * before URL inference. `related.user` takes `user.target.name` too (catalog), except for a
 * format whose manifest turns it off (the Endpoint seed documents show an older engine).
 */
export const RELATED_SOURCES: Readonly<Record<'ip' | 'user' | 'hosts' | 'hash', readonly string[]>> = {
  ip: [
    'source.ip', 'destination.ip', 'client.ip', 'server.ip', 'host.ip', 'observer.ip',
    'source.nat.ip', 'destination.nat.ip', 'client.nat.ip', 'server.nat.ip', 'dns.resolved_ip',
  ],
  user: [
    'user.name', 'source.user.name', 'destination.user.name', 'client.user.name', 'server.user.name', 'user.target.name',
    'file.owner',
  ],
  hosts: [
    'host.hostname', 'observer.hostname', 'source.domain', 'destination.domain', 'client.domain',
    'server.domain', 'dns.question.name', 'url.domain',
  ],
  hash: HASH_OWNERS.flatMap((owner) => HASH_KINDS.map((kind) => `${owner}.hash.${kind}`)),
};

const LISTS = ['hash', 'hosts', 'ip', 'user'] as const;
type ListName = (typeof LISTS)[number];

/** The source names as a tree, so that an absent object skips all names below it in one probe. */
interface SourceNode {
  key: string;
  /** Index in LISTS when this name is a source itself, else -1. */
  list: number;
  children: SourceNode[];
}

const WITHOUT_TARGET_USER = new Set(['user.target.name']);

function sourceTree(skip: ReadonlySet<string>): SourceNode[] {
  const roots: SourceNode[] = [];
  LISTS.forEach((list: ListName, index) => {
    for (const name of RELATED_SOURCES[list]) {
      if (skip.has(name)) continue;
      let level = roots;
      let node: SourceNode | undefined;
      for (const key of name.split('.')) {
        node = level.find((n) => n.key === key);
        if (node === undefined) level.push((node = { key, list: -1, children: [] }));
        level = node.children;
      }
      node!.list = index;
    }
  });
  return roots;
}

const ROOTS = sourceTree(new Set());
const ROOTS_WITHOUT_TARGET_USER = sourceTree(WITHOUT_TARGET_USER);

/** `listed[i]`: some source of list i holds a list (even empty), which makes that list appear. */
function visit(obj: Record<string, unknown>, nodes: SourceNode[], lists: string[][], listed: boolean[]): void {
  for (const node of nodes) {
    const value = obj[node.key];
    if (value === undefined || value === null) continue;
    if (node.list >= 0) {
      add(lists[node.list], value);
      if (Array.isArray(value)) listed[node.list] = true;
    }
    if (node.children.length > 0 && typeof value === 'object' && !Array.isArray(value)) {
      visit(value as Record<string, unknown>, node.children, lists, listed);
    }
  }
}

function add(into: string[], value: unknown): void {
  if (typeof value === 'string') {
    if (!into.includes(value)) into.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'string' && !into.includes(item)) into.push(item);
  }
}

const SURROGATE = /[\ud800-\udfff]/;

/** UTF-16 order is code point order unless a string holds an astral character. */
function sortByCodePoint(list: string[]): string[] {
  list.sort();
  for (const item of list) if (SURROGATE.test(item)) return list.sort(compareCodePoints);
  return list;
}

/**
 * Replaces any `related` object with lists computed from the event. A list is omitted when empty,
 * unless one of its sources is itself a list (`host.ip: []` gives `related.ip: []`).
 */
export function computeRelated(event: Event, targetUser = true): void {
  if (event.related !== undefined) delete event.related;
  // Lists are short: arrays with includes() beat Sets here.
  const lists: string[][] = [[], [], [], []];
  const listed = [false, false, false, false];
  visit(event, targetUser ? ROOTS : ROOTS_WITHOUT_TARGET_USER, lists, listed);
  let related: Record<string, string[]> | undefined;
  for (let i = 0; i < LISTS.length; i++) {
    if (lists[i].length === 0 && !listed[i]) continue;
    related ??= {};
    related[LISTS[i]] = lists[i].length > 1 ? sortByCodePoint(lists[i]) : lists[i];
  }
  if (related !== undefined) event.related = related;
}
