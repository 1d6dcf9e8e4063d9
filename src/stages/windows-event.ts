import { isDict } from '../core/values.js';
import { StageError, type StageFactory } from './stage.js';
import { convertElement, parseXmlTree } from './xml.js';

/**
 * `xml.parse-windows-event` (parser-language 5.9): a Windows `<Event>` as
 * `{System: {...}, EventData: {<Data Name>: text}}`, every value a string; an empty named `<Data>`
 * has no text and gives None, as an XML element's missing text does in Python.
 * Unnamed `<Data>` items are kept in order under `Data`; `UserData` is added when present.
 */
export const windowsEventParse: StageFactory = {
  names: ['xml.parse-windows-event'],
  properties: [],
  defaultInput: 'message',
  compile() {
    return {
      run(input: unknown): unknown {
        const tree = parseXmlTree(input);
        const event = tree.Event;
        if (!isDict(event)) throw new StageError('not a Windows event: the root element is not <Event>');
        const system = convertElement(event.System, '');
        const out: Record<string, unknown> = {
          System: isDict(system) ? system : {},
          EventData: flattenEventData(event.EventData),
        };
        if (event.UserData !== undefined) out.UserData = convertElement(event.UserData, '');
        return out;
      },
    };
  },
};

function flattenEventData(node: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isDict(node)) return out;
  const items = node.Data === undefined ? [] : Array.isArray(node.Data) ? node.Data : [node.Data];
  const unnamed: unknown[] = [];
  for (const item of items) {
    const converted = convertElement(item, '');
    if (isDict(converted) && typeof converted.Name === 'string') {
      const text = converted['#text'];
      Object.defineProperty(out, converted.Name, {
        value: typeof text === 'string' && text !== '' ? text : null, enumerable: true, writable: true, configurable: true,
      });
    } else {
      unnamed.push(converted);
    }
  }
  if (unnamed.length > 0 && !('Data' in out)) out.Data = unnamed;
  return out;
}
