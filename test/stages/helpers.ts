import type { CompiledStage, StageCompileContext, StageFactory, StageRunContext } from '../../src/stages/stage.js';

/** A compile context whose templates read one dotted name from the scope (enough for these tests). */
export const compileCtx: StageCompileContext = {
  compileTemplate(source: string) {
    const m = /^\{\{\s*([\w.]+)\s*\}\}$/.exec(source);
    if (m === null) throw new Error(`test helper cannot compile ${source}`);
    const path = m[1].split('.');
    return (scope) => path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], scope);
  },
  warn(property, message) {
    compileWarnings.push(`${property}: ${message}`);
  },
};

/** What `compile` warned about, in order; tests empty it before they look. */
export const compileWarnings: string[] = [];

export const runCtx = (scope: Record<string, unknown> = {}, nowMs = Date.UTC(2026, 4, 1)): StageRunContext => ({ scope, nowMs });

export function compile(factory: StageFactory, properties: Record<string, unknown> = {}): CompiledStage {
  return factory.compile(properties, compileCtx);
}

export function run(factory: StageFactory, input: unknown, properties: Record<string, unknown> = {}): unknown {
  return compile(factory, properties).run(input, runCtx());
}
