/** Public API of the template language (Jinja2 semantics on Python values). */
import './filters/index.js';
import './methods.js';

export type { Scope } from './compiler.js';
export { TemplateSyntaxError, TemplateRuntimeError } from './errors.js';
export { isTemplate, compileValue, compileCondition, compileText } from './template.js';
export { parsePythonLiteral, type LiteralResult } from './python-literal.js';
export { renderedValue } from './native.js';
export { pyStr, pyRepr, truthy, pyEq } from './runtime.js';
export { registerFilter, type FilterFn } from './filters/index.js';
export { registerTest, type TestFn } from './tests.js';
export { registerMethod, type PyMethod, type MethodReceiver } from './methods.js';
export { registerGlobal } from './globals.js';
