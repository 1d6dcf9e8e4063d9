/** An event as rows of (dotted path, value): lists of scalars stay one value, lists of objects get [i]. */
export function flatten(value: unknown, path = '', out: [string, unknown][] = []): [string, unknown][] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && path !== '') out.push([path, value]);
    for (const [k, v] of entries) flatten(v, path === '' ? k : `${path}.${k}`, out);
  } else if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) {
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
  } else out.push([path, value]);
  return out;
}

export function show(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map(show).join(', ');
  return JSON.stringify(value);
}

/** The value at a dotted path of an event. */
export function at(event: unknown, path: string): unknown {
  let cur = event;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}
