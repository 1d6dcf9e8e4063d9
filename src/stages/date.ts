import { FormatError, compileStrptime, formatIsoMicros, parseDate, resolveZone } from '../time/index.js';
import { StageConfigError, StageError, type StageFactory, type ValueFn } from './stage.js';

/**
 * `date.parse` (parser-language 5.11): the input date as a UTC ISO string with six fraction
 * digits always (`YYYY-MM-DDTHH:MM:SS.ffffffZ`; date fields normalize it again). `format` is strptime, `timestamp` or empty (autodetect);
 * `timezone` (possibly a template) applies to texts without an offset and to epochs.
 */
export const dateParse: StageFactory = {
  names: ['date.parse'],
  properties: ['format', 'timezone'],
  defaultInput: '@timestamp',
  compile(properties, ctx) {
    const format = optionalString(properties.format, 'format');
    if (format !== null && format !== 'timestamp') {
      try {
        compileStrptime(format);
      } catch (err) {
        if (err instanceof FormatError) throw new StageConfigError(err.message);
        throw err;
      }
    }
    const timezone = optionalString(properties.timezone, 'timezone');
    let zoneFn: ValueFn | null = null;
    if (timezone !== null && (timezone.includes('{{') || timezone.includes('{%'))) {
      zoneFn = ctx.compileTemplate(timezone);
    } else if (timezone !== null && resolveZone(timezone) === null) {
      throw new StageConfigError(`unknown timezone ${JSON.stringify(timezone)}`);
    }
    return {
      run(input, runCtx): unknown {
        if (input === null || input === undefined || input === '') throw new StageError('no date to parse');
        let zone = timezone;
        if (zoneFn !== null) {
          const rendered = zoneFn(runCtx.scope);
          zone = rendered === null || rendered === undefined ? null : String(rendered);
          if (zone !== null && resolveZone(zone) === null) throw new StageError(`unknown timezone ${JSON.stringify(zone)}`);
        }
        const instant = parseDate(input, { format, timezone: zone, nowMs: runCtx.nowMs });
        if (instant === null) {
          const shown = typeof input === 'string' ? JSON.stringify(input.slice(0, 100)) : String(input);
          throw new StageError(`cannot parse date ${shown}${format ? ` with format ${JSON.stringify(format)}` : ''}`);
        }
        return formatIsoMicros(instant);
      },
    };
  },
};

function optionalString(raw: unknown, name: string): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw !== 'string') throw new StageConfigError(`${name} must be a string`);
  return raw;
}
