/**
 * Python-dialect regular expressions on JavaScript's RegExp.
 *
 * Choices (see also translate/compile):
 * - `\d`, `\w`, `\b` and POSIX classes are ASCII, as in JavaScript; the `u` flag is never
 *   used (it would disable V8's linear fallback and does not make `\w`/`\b` Unicode anyway).
 *   Python treats non-ASCII letters/digits as word characters: a known deviation.
 * - `\s` is Python's whitespace set exactly; `.` excludes only `\n`; `$` also matches
 *   before a final newline; case-insensitivity is expanded into classes (no `i` flag).
 * - Duplicate group names become `name`, `name__2`, ...; the right-most participating wins.
 */
import './guard.js';

export { RegexSyntaxError, RegexTimeoutError } from './errors.js';
export type { GroupMap } from './emit.js';
export { translatePattern, type TranslatedPattern } from './translate.js';
export { compilePattern, DEFAULT_TIMEOUT_MS, type CompiledRegex, type CompileOptions, type RegexMatch } from './compile.js';
export { nonLinearReasons } from './explain.js';
