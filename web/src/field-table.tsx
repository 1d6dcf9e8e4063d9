import type { FieldInfo } from './api.js';
import { flatten, show } from './fields.js';

/** The fields of an event, one per row; with `definitions`, each field's taxonomy type and description. */
export function FieldTable(props: { event: Record<string, unknown>; definitions?: Record<string, FieldInfo | null> }) {
  const rows = flatten(props.event).filter(([path]) => path !== 'message');
  const defs = props.definitions;
  return (
    <table class={defs ? 'fields defined' : 'fields'}>
      <thead>
        <tr><th>Field</th><th>Value</th>{defs && <th>Type</th>}{defs && <th>Description</th>}</tr>
      </thead>
      <tbody>
        {rows.map(([path, value]) => {
          const def = defs?.[path];
          return (
            <tr key={path} data-field={path}>
              <td class="path">{path}</td>
              <td class="value">{show(value)}</td>
              {defs && <td class="type">{def?.type ?? ''}</td>}
              {defs && <td class="description">{def ? def.description || '(no description)' : 'not in the taxonomy'}{def?.of ? ` (field ${def.of})` : ''}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
