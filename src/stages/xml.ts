import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { StageError, type StageFactory } from './stage.js';

const ATTRS = ':@attributes';
const TEXT = '#text';
const CDATA = '#cdata';

/**
 * Entities are decoded here rather than by the parser: only the XML standard ones and character
 * references, and never inside CDATA. DOCTYPE is refused outright (no entity definitions, so no
 * billion-laughs or external entity tricks).
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: ATTRS,
  textNodeName: TEXT,
  cdataPropName: CDATA,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
});

const DOCTYPE = /<!(?:DOCTYPE|ENTITY)/i;
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, name?: string, dec?: string, hex?: string) => {
    if (name !== undefined) return NAMED[name];
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The parser's raw tree for an XML document; StageError when malformed or using DOCTYPE. */
export function parseXmlTree(input: unknown): Record<string, unknown> {
  if (typeof input !== 'string') throw new StageError(`expected an XML string, got ${input === null ? 'None' : typeof input}`);
  if (DOCTYPE.test(input)) throw new StageError('XML with a DOCTYPE or ENTITY declaration is refused');
  const valid = XMLValidator.validate(input);
  if (valid !== true) throw new StageError(`malformed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  let tree: unknown;
  try {
    tree = parser.parse(input);
  } catch (err) {
    throw new StageError(`malformed XML: ${(err as Error).message}`);
  }
  if (typeof tree !== 'object' || tree === null || Object.keys(tree).length === 0) throw new StageError('XML document has no element');
  return tree as Record<string, unknown>;
}

/**
 * Converts one element of the raw tree (parser-language 5.8): attributes and child elements become
 * keys (repeated children a list), text-only elements strings, empty elements `empty`.
 */
export function convertElement(node: unknown, empty: null | ''): unknown {
  if (typeof node === 'string') return node === '' ? empty : decodeEntities(node);
  if (Array.isArray(node)) return node.map((n) => convertElement(n, empty));
  if (typeof node !== 'object' || node === null) return node === undefined ? empty : String(node);
  const source = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let text = '';
  let hasChild = false;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (key === ATTRS) {
      for (const [name, attr] of Object.entries(value as Record<string, unknown>)) {
        set(out, name, typeof attr === 'string' ? decodeEntities(attr) : String(attr));
      }
    } else if (key === TEXT) {
      text += decodeEntities(String(value));
    } else if (key === CDATA) {
      text += Array.isArray(value) ? value.join('') : String(value);
    } else {
      hasChild = true;
      set(out, key, convertElement(value, empty));
    }
  }
  if (Object.keys(out).length === 0 && !hasChild) return text === '' ? empty : text;
  if (text !== '') set(out, TEXT, text);
  return out;
}

function set(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `xml.parse-xml` (parser-language 5.8): `{rootTag: {...}}` with namespaces stripped from tag names. */
export const xmlParse: StageFactory = {
  names: ['xml.parse-xml'],
  defaultInput: 'message',
  compile() {
    return {
      run(input: unknown): unknown {
        return convertElement(parseXmlTree(input), null);
      },
    };
  },
};
