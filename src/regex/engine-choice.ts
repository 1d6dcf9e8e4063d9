/**
 * Which of two exact engines runs a pattern that is not risky (risk.ts), chosen by measurement:
 * V8's backtracking engine is the fastest on most inputs, but where a long input makes it
 * backtrack past V8's limit it falls back to V8's linear engine, which is slow on patterns with
 * many groups (Log Insight Windows: 8 ms for one 1.5 KB event, where the memo backtracker takes
 * 0.6 ms). One call in eight, at pseudo-random, is timed; once V8's mean exceeds SLOW_MS, half of
 * the timed calls run the other engine, and every call goes to whichever mean is lower. Both give
 * the same match: only the time depends on the choice.
 */
const SLOW_MS = 0.05;
/** The first calls run on V8 untimed: the first one compiles the regex, which costs milliseconds. */
const WARM_UP = 16;
/** Weight of a new sample in a mean. */
const ALPHA = 0.125;

/** What `next` answers: bit 0, run the other engine; bit 1, time the call and `record` it. */
export const OTHER = 1;
export const TIMED = 2;

export class EngineChoice {
  private calls = 0;
  private v8Mean = -1;
  private otherMean = -1;
  private onOther = false;

  /** The engine for this call (OTHER set, or V8) and whether it is timed; `hasOther`: the second engine can run the pattern. */
  next(hasOther: boolean): number {
    if (++this.calls <= WARM_UP) return 0;
    const hash = Math.imul(this.calls, 0x9e3779b1);
    if (hash >>> 29 !== 0) return this.onOther && hasOther ? OTHER : 0;
    const other = this.onOther !== (this.v8Mean > SLOW_MS && ((hash >>> 28) & 1) === 1);
    return other && hasOther ? OTHER | TIMED : TIMED;
  }

  /** The time of a call that `next` marked TIMED. */
  record(choice: number, ms: number): void {
    if ((choice & OTHER) !== 0) this.otherMean = this.otherMean < 0 ? ms : this.otherMean + (ms - this.otherMean) * ALPHA;
    else this.v8Mean = this.v8Mean < 0 ? ms : this.v8Mean + (ms - this.v8Mean) * ALPHA;
    this.onOther = this.otherMean >= 0 && this.otherMean < this.v8Mean;
  }

  /** Whether calls now go to the other engine. */
  get other(): boolean {
    return this.onOther;
  }
}
