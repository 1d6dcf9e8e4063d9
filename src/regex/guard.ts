import v8 from 'node:v8';
import vm from 'node:vm';
import { RegexTimeoutError } from './errors.js';

// Must run before our RegExp objects are created: V8 decides at creation whether a regex
// may switch to its linear-time engine after too many backtracks.
v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
v8.setFlagsFromString('--enable-experimental-regexp-engine');

/** Whether this V8 takes the `l` flag (a regex that runs on the linear engine only). */
export const LINEAR_FLAG = ((): boolean => {
  try {
    return new RegExp('a', 'l').flags.includes('l');
  } catch {
    return false;
  }
})();

const context = vm.createContext({ re: null as RegExp | null, input: '' });
const script = new vm.Script('re.exec(input)');

/**
 * Runs `re.exec(input)` under a watchdog (~70 µs extra per call, so only used for
 * patterns that V8's linear engine cannot rescue and that look dangerous).
 */
export function timedExec(re: RegExp, input: string, timeoutMs: number): RegExpExecArray | null {
  context.re = re;
  context.input = input;
  try {
    return script.runInContext(context, { timeout: timeoutMs }) as RegExpExecArray | null;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new RegexTimeoutError(`regex match exceeded ${timeoutMs} ms (catastrophic backtracking) on ${input.length} characters`);
    }
    throw err;
  } finally {
    context.re = null;
    context.input = '';
  }
}
