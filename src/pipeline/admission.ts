/**
 * Value admission (normalized-event section 4): what a `set` or `translate` may write.
 * Undefined, None, empty or blank strings, the string "None" and the parser's `ignored_values`
 * are not written; `[]` and `{}` are (the seed documents keep `"roles": []`).
 */
export function isAdmissible(value: unknown, ignoredValues: ReadonlySet<string>): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') {
    if (value === 'None' || (ignoredValues.size !== 0 && ignoredValues.has(value))) return false;
    // A visible ASCII first character already proves the string is not blank (no trim copy).
    const c = value.charCodeAt(0);
    if (c > 0x20 && c < 0x7f) return true;
    return value.trim() !== '';
  }
  return true;
}
