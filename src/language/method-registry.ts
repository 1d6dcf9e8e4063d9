/** Registry of Python methods per receiver type. Only registered names are ever callable. */
import type { Kwargs } from './objects.js';

export type PyMethod = (self: any, args: unknown[], kwargs: Kwargs) => unknown;
export type MethodReceiver = 'str' | 'list' | 'tuple' | 'dict';

const registries: Record<MethodReceiver, Map<string, PyMethod>> = {
  str: new Map(),
  list: new Map(),
  tuple: new Map(),
  dict: new Map(),
};

export function registerMethod(receiver: MethodReceiver, name: string, fn: PyMethod): void {
  registries[receiver].set(name, fn);
}

export function lookupMethod(receiver: MethodReceiver, name: string): PyMethod | undefined {
  return registries[receiver].get(name);
}
