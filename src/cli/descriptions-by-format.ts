import { describeEvent, formatDescriptions, type SmartDescription } from '../describe/smart-descriptions.js';
import { formatTrees, listFormats } from '../pipeline/format-registry.js';

/**
 * The smart description of stored events, by the format that made them (their
 * sekoiaio.intake.dialect_uuid), from the known formats' `_meta/smart-descriptions.json`. Each
 * file is read on first use; a file that does not compile describes nothing and is reported once.
 */
export class DescriptionsByFormat {
  private readonly dirByUuid = new Map<string, string>();
  private readonly loaded = new Map<string, SmartDescription[]>();

  constructor(formatsDirs: readonly string[], private readonly warn: (message: string) => void = () => {}) {
    for (const entry of listFormats(formatTrees(formatsDirs))) {
      if (entry.uuid !== '' && !this.dirByUuid.has(entry.uuid)) this.dirByUuid.set(entry.uuid, entry.dir);
    }
  }

  private descriptionsOf(uuid: string): SmartDescription[] {
    let list = this.loaded.get(uuid);
    if (list === undefined) {
      const dir = this.dirByUuid.get(uuid);
      list = dir === undefined ? [] : formatDescriptions(dir, (err) => this.warn(err.message));
      this.loaded.set(uuid, list);
    }
    return list;
  }

  /** The rendered description of a stored event, or '' when its format has none that applies. */
  describe(event: Record<string, unknown>): string {
    const intake = (event.sekoiaio as { intake?: { dialect_uuid?: unknown } } | undefined)?.intake;
    const uuid = typeof intake?.dialect_uuid === 'string' ? intake.dialect_uuid : '';
    return describeEvent(this.descriptionsOf(uuid), event)?.text ?? '';
  }
}
