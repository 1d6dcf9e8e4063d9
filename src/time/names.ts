/** English month and weekday names, matched case-insensitively (as Python's C locale does). */

export const MONTHS_FULL = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const MONTHS_ABBR = MONTHS_FULL.map((m) => m.slice(0, 3));
export const WEEKDAYS_FULL = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
export const WEEKDAYS_ABBR = WEEKDAYS_FULL.map((d) => d.slice(0, 3));

const monthByName = new Map<string, number>();
MONTHS_FULL.forEach((m, i) => {
  monthByName.set(m, i + 1);
  monthByName.set(m.slice(0, 3), i + 1);
});
monthByName.set('sept', 9);

const weekdays = new Set([...WEEKDAYS_FULL, ...WEEKDAYS_ABBR, 'tues', 'wednes', 'thur', 'thurs']);

/** Month number 1..12 of an English month name or abbreviation (lower case), or 0. */
export function monthNumber(lower: string): number {
  return monthByName.get(lower) ?? 0;
}

export function isWeekday(lower: string): boolean {
  return weekdays.has(lower);
}
