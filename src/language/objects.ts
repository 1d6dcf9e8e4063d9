/**
 * Internal Python objects that are not plain data: callables, generators, ranges.
 * Only these classes (and the method registry) can expose attributes to templates.
 */
import { fail } from './errors.js';
import { LIMITS } from './limits.js';

export type Kwargs = Record<string, unknown>;
export type CallFn = (args: unknown[], kwargs: Kwargs) => unknown;

/** Base class of every non-data object a template can hold. */
export abstract class PyObject {
  abstract readonly typeName: string;
  /** Attribute lookup; `undefined` when absent. */
  getAttr(_name: string): unknown {
    return undefined;
  }
  abstract repr(): string;
}

/** A callable reachable from templates (globals, bound methods, match-object methods). */
export class PyCallable extends PyObject {
  readonly typeName = 'builtin_function_or_method';
  constructor(
    readonly name: string,
    readonly fn: CallFn,
  ) {
    super();
  }
  repr(): string {
    return `<built-in function ${this.name}>`;
  }
}

/** A one-shot lazy sequence (Python generator / iterator returned by map, select...). */
export class PyGenerator extends PyObject {
  readonly typeName: string;
  private readonly it: Iterator<unknown>;
  constructor(source: Iterable<unknown>, readonly label = 'generator object') {
    super();
    this.typeName = label.split(' ')[0]!;
    this.it = source[Symbol.iterator]();
  }
  /** An iterator without `return`, so that an early exit (first, in) leaves the rest consumable. */
  [Symbol.iterator](): Iterator<unknown> {
    const it = this.it;
    return { next: () => it.next() };
  }
  repr(): string {
    return `<${this.label} at 0x7f0000000000>`;
  }
}

/** Python `range`: lazy, capped. */
export class PyRange extends PyObject {
  readonly typeName = 'range';
  readonly length: number;
  constructor(
    readonly start: number,
    readonly stop: number,
    readonly step: number,
  ) {
    super();
    if (step === 0) fail('range() arg 3 must not be zero');
    const n = step > 0 ? Math.ceil((stop - start) / step) : Math.ceil((start - stop) / -step);
    this.length = Math.max(0, n);
    if (this.length > LIMITS.maxItems) fail(`range too big (${this.length} items, max ${LIMITS.maxItems})`);
  }
  at(i: number): number {
    return this.start + i * this.step;
  }
  *[Symbol.iterator](): Iterator<number> {
    for (let i = 0; i < this.length; i++) yield this.start + i * this.step;
  }
  repr(): string {
    return this.step === 1 ? `range(${this.start}, ${this.stop})` : `range(${this.start}, ${this.stop}, ${this.step})`;
  }
}

/** dict_keys / dict_values / dict_items: iterable, sized, not subscriptable. */
export class PyView extends PyObject {
  constructor(
    readonly typeName: 'dict_keys' | 'dict_values' | 'dict_items',
    readonly items: unknown[],
    private readonly reprItem: (v: unknown) => string,
  ) {
    super();
  }
  [Symbol.iterator](): Iterator<unknown> {
    return this.items[Symbol.iterator]();
  }
  repr(): string {
    return `${this.typeName}([${this.items.map((x) => this.reprItem(x)).join(', ')}])`;
  }
}
