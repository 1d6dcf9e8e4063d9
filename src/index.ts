/** Intake's library API: load formats, normalize events, serialize them. */
export * from './pipeline/index.js';
export { parseJson, stringifyJson } from './core/json.js';
