/** Talks to the server's /api/*: the read key goes with every request as a bearer token. */
import type { ApiEvent, FieldInfo, FormatInfo, Histogram, PlaygroundResult } from '../../src/intake/web/api-types.js';

const STORAGE_KEY = 'intake-read-key';

export class Unauthorized extends Error {}

export function savedKey(): string | null {
  return sessionStorage.getItem(STORAGE_KEY);
}

export function saveKey(key: string | null): void {
  if (key === null) sessionStorage.removeItem(STORAGE_KEY);
  else sessionStorage.setItem(STORAGE_KEY, key);
}

/** Listeners told when the server refuses the key (the page shows the login form again). */
const onUnauthorized: (() => void)[] = [];
export function whenUnauthorized(listener: () => void): void {
  onUnauthorized.push(listener);
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; key?: string } = {}): Promise<T> {
  const key = init.key ?? savedKey() ?? '';
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await res.text();
  if (res.status === 401) {
    if (init.key === undefined) for (const l of onUnauthorized) l();
    throw new Unauthorized('the server did not accept this read key');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`${res.status} ${res.statusText}: ${text.slice(0, 200)}`);
  }
  if (!res.ok) throw new Error((data as { message?: string }).message ?? `${res.status} ${res.statusText}`);
  return data as T;
}

export type { FieldInfo, FormatInfo, Histogram, PlaygroundResult };
export type Event = ApiEvent;

export interface Sample {
  format: string;
  index: number;
  count: number;
  file: string;
  message: string;
  expected: string;
}

export interface StoredEvent {
  format: { slug: string; name: string; uuid: string } | null;
  description: string | null;
  event: Event;
}

