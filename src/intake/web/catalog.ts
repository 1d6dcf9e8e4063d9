import { resolve } from 'node:path';
import { describeEvent, formatDescriptions, type RenderedDescription, type SmartDescription } from '../../describe/smart-descriptions.js';
import { closestSlugs, entryOf, findFormat, formatTrees, listFormats, type FormatEntry } from '../../pipeline/format-registry.js';
import { LazyFormat } from '../../pipeline/lazy-format.js';
import type { Format, NormalizedEvent } from '../../pipeline/types.js';
import { FormatDetector } from '../../runtime/format-detector.js';
import type { IntakeFormats } from '../normalizer.js';
import type { FormatInfo } from './api-types.js';

export type { FormatInfo };

/**
 * Every format the server knows for the web page: those of its intakes (already loaded), those of
 * its format trees and the built-in ones (compiled on first use). Listing reads manifests only,
 * and only when first asked.
 */
export class WebCatalog {
  private entries: FormatEntry[] | undefined;
  private readonly byDir = new Map<string, Format>();
  private readonly intakeDirs = new Set<string>();
  private readonly descriptions = new Map<string, SmartDescription[]>();
  private auto: FormatDetector | undefined;

  constructor(intakeFormats: IntakeFormats, private readonly formatsDirs: readonly string[] = []) {
    for (const format of intakeFormats.values()) {
      const dir = resolve(format.dir);
      this.byDir.set(dir, format);
      this.intakeDirs.add(dir);
    }
  }

  private list(): FormatEntry[] {
    if (this.entries === undefined) {
      const listed = listFormats(formatTrees(this.formatsDirs)).map((e) => ({ ...e, dir: resolve(e.dir) }));
      const seen = new Set(listed.map((e) => e.dir));
      const outside = [...this.intakeDirs].filter((d) => !seen.has(d)).map((d) => entryOf(d, 'intake'));
      // A folder found in two trees is listed once, where it was first found.
      const byDir = new Map<string, FormatEntry>();
      for (const e of [...outside, ...listed]) if (!byDir.has(e.dir)) byDir.set(e.dir, e);
      this.entries = [...byDir.values()];
    }
    return this.entries;
  }

  formats(): FormatInfo[] {
    return this.list().map((e) => ({ slug: e.slug, name: e.name, uuid: e.uuid, origin: e.origin, intake: this.intakeDirs.has(e.dir) }));
  }

  private formatOf(entry: FormatEntry): Format {
    let format = this.byDir.get(entry.dir);
    if (format === undefined) this.byDir.set(entry.dir, (format = new LazyFormat(entry, {})));
    return format;
  }

  /** A format by slug or name; undefined when none has it. */
  find(slugOrName: string): Format | undefined {
    const entry = findFormat(this.list(), slugOrName);
    return entry === undefined ? undefined : this.formatOf(entry);
  }

  /** Known slugs close to a value that names no format. */
  suggest(value: string): string[] {
    return closestSlugs(this.list(), value);
  }

  /** The format whose manifest uuid this is (how stored events name their format). */
  byUuid(uuid: string): Format | undefined {
    const entry = uuid === '' ? undefined : this.list().find((e) => e.uuid === uuid);
    return entry === undefined ? undefined : this.formatOf(entry);
  }

  /** Per event, the format that parses it, among every known format (built on first use). */
  detector(): FormatDetector {
    this.auto ??= new FormatDetector(this.list().map((e) => this.formatOf(e)));
    return this.auto;
  }

  /** The smart description of an event made by `format`; a file that does not compile describes nothing. */
  describe(format: Format | undefined, event: NormalizedEvent): RenderedDescription | undefined {
    if (format === undefined) return undefined;
    let list = this.descriptions.get(format.dir);
    if (list === undefined) this.descriptions.set(format.dir, (list = formatDescriptions(format.dir)));
    return describeEvent(list, event);
  }

  /** The format that made a stored event, by its sekoiaio.intake.dialect_uuid. */
  formatOfEvent(event: NormalizedEvent): Format | undefined {
    const intake = (event.sekoiaio as { intake?: { dialect_uuid?: unknown } } | undefined)?.intake;
    return typeof intake?.dialect_uuid === 'string' ? this.byUuid(intake.dialect_uuid) : undefined;
  }
}
