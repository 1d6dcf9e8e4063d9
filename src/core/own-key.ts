/**
 * Writes `obj[key] = value` as an own property. Plain assignment of the key `__proto__` would call
 * the prototype setter instead; event data (JSON keys, grok names, kv keys) may use any key.
 */
export function setOwnKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}
