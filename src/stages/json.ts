import { JsonSyntaxError, parseJson } from '../core/json.js';
import { isDict } from '../core/values.js';
import { StageError, type StageFactory } from './stage.js';

/** `json.parse-json` (parser-language 5.1): a JSON object or array from a string; dicts/lists pass through. */
export const jsonParse: StageFactory = {
  names: ['json.parse-json', 'json.parseJSON'],
  properties: [],
  defaultInput: 'message',
  textInput: true,
  compile() {
    return {
      run(input: unknown): unknown {
        if (isDict(input) || Array.isArray(input)) return input;
        if (typeof input !== 'string') throw new StageError(`expected a JSON string, got ${typeName(input)}`);
        let value: unknown;
        try {
          value = parseJson(input, { int64: true });
        } catch (err) {
          if (err instanceof JsonSyntaxError) throw new StageError(`malformed JSON: ${err.message}`);
          throw err;
        }
        if (!isDict(value) && !Array.isArray(value)) throw new StageError(`JSON is not an object or an array: ${typeName(value)}`);
        return value;
      },
    };
  },
};

function typeName(v: unknown): string {
  return v === null ? 'None' : Array.isArray(v) ? 'list' : typeof v;
}
