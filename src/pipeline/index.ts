export { loadFormat } from './load-format.js';
export { loadBuiltinFormats, findBuiltinFormat, findFormatDirs, builtinFormatDirs, packageRoot } from './builtin.js';
export { FormatLoadError } from './types.js';
export type { Format, FormatManifest, FormatTestCase, InputEvent, LoadOptions, LoadProblem, NormalizedEvent, NormalizeOptions } from './types.js';
export { ZERO_UUID } from './metadata.js';
export { loadFormats } from './load-formats.js';
export { EAGER_FORMATS } from './format-registry.js';
