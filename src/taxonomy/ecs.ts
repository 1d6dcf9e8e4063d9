/** The built-in ECS field list: `@elastic/ecs`'s flat table minus the `ecs.*` field set (rule T4). */
import { EcsFlat } from '@elastic/ecs';

interface EcsEntry {
  type: string;
  description?: string;
  short?: string;
}

const table = EcsFlat as unknown as Record<string, EcsEntry>;

let ecsFields: ReadonlyArray<readonly [name: string, type: string, description: string]> | undefined;

/** [name, type, description] for every built-in ECS field; computed once. */
export function builtinEcsFields(): ReadonlyArray<readonly [string, string, string]> {
  if (ecsFields === undefined) {
    const out: Array<readonly [string, string, string]> = [];
    for (const name of Object.keys(table)) {
      if (name.startsWith('ecs.')) continue;
      out.push([name, table[name].type, table[name].description ?? '']);
    }
    ecsFields = out;
  }
  return ecsFields;
}

/** The short ECS description of a field (including `ecs.*`), as documentation tables show it. */
export function ecsFieldDescription(name: string): string | undefined {
  if (!Object.hasOwn(table, name)) return undefined;
  return table[name].short ?? table[name].description;
}
