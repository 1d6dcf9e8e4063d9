const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Parses `30d`/`12h`/`15m`/`10s`/`2w` into milliseconds; undefined if not a duration. */
export function parseDurationMs(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([smhdw])$/.exec(text.trim());
  return m ? Number(m[1]) * UNIT_MS[m[2]!]! : undefined;
}

/** A point in time: ISO 8601 text, epoch ms digits, or a duration meaning "that long before now". */
export function parseTimeSpec(text: string, nowMs: number = Date.now()): number {
  const ago = parseDurationMs(text);
  if (ago !== undefined) return nowMs - ago;
  if (/^\d{10,}$/.test(text)) return Number(text);
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`not a time: ${JSON.stringify(text)} (use ISO 8601, epoch ms or e.g. 2h, 7d)`);
  return ms;
}

const SIZE_UNIT: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** Parses `10MB`, `512k`, `1g`, `1000` into bytes. */
export function parseSize(text: string | number): number {
  if (typeof text === 'number') return text;
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = m ? SIZE_UNIT[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new Error(`not a size: ${JSON.stringify(text)}`);
  return Math.floor(Number(m[1]) * unit);
}
