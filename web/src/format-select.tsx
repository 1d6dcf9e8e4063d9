import type { FormatInfo } from './api.js';

/** The formats, those of the server's intakes first, then by where they come from. */
export function FormatSelect(props: { formats: FormatInfo[]; value: string; onChange: (slug: string) => void }) {
  const groups = new Map<string, FormatInfo[]>();
  for (const f of props.formats) {
    const group = f.intake ? 'Intakes of this server' : f.origin === 'built-in' ? 'Built-in' : f.origin;
    groups.set(group, [...(groups.get(group) ?? []), f]);
  }
  const order = [...groups.keys()].sort((a, b) => rank(a) - rank(b));
  return (
    <select id="format" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
      <option value="auto">auto (detect the format of each event)</option>
      {order.map((g) => (
        <optgroup key={g} label={g}>
          {groups.get(g)!.map((f) => <option key={f.slug + f.uuid} value={f.slug}>{f.name || f.slug} ({f.slug})</option>)}
        </optgroup>
      ))}
    </select>
  );
}

function rank(group: string): number {
  return group === 'Intakes of this server' ? 0 : group === 'Built-in' ? 1 : 2;
}
