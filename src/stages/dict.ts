import { parseJson } from '../core/json.js';
import { parsePythonLiteral } from '../language/index.js';
import { isDict } from '../core/values.js';
import { StageError, type StageFactory } from './stage.js';

/**
 * `dict.parse` (parser-language 5.10): a dict input is stored as is; a string is read as a Python
 * literal, then as JSON; anything that is not a dict afterwards is a failure.
 */
export const dictParse: StageFactory = {
  names: ['dict.parse'],
  properties: [],
  defaultInput: 'message',
  compile() {
    return {
      run(input: unknown): unknown {
        if (isDict(input)) return input;
        if (typeof input !== 'string') throw new StageError(`expected a dict, got ${input === null ? 'None' : Array.isArray(input) ? 'list' : typeof input}`);
        const literal = readLiteral(input.trim());
        if (literal !== undefined && isDict(literal)) return literal;
        let json: unknown;
        try {
          json = parseJson(input);
        } catch {
          throw new StageError('input is neither a Python dict literal nor a JSON object');
        }
        if (!isDict(json)) throw new StageError('input does not describe a dict');
        return json;
      },
    };
  },
};

/** The Python literal in `text`, or undefined; a parser failure of any kind (deep nesting) counts as none. */
function readLiteral(text: string): unknown {
  try {
    const literal = parsePythonLiteral(text);
    return literal.ok ? literal.value : undefined;
  } catch {
    return undefined;
  }
}
