import { createRequire } from 'node:module';
import type * as FastXmlParser from 'fast-xml-parser';
import { StageError, type StageFactory } from './stage.js';
import { setOwnKey } from '../core/own-key.js';

// Loaded on first use: most formats have no XML stage, and the library costs startup time.
const require = createRequire(import.meta.url);
let xmlLibrary: { parser: FastXmlParser.XMLParser; validator: typeof FastXmlParser.XMLValidator } | undefined;

function xml(): NonNullable<typeof xmlLibrary> {
  if (xmlLibrary === undefined) {
    const lib = require('fast-xml-parser') as typeof FastXmlParser;
    xmlLibrary = { parser: new lib.XMLParser(PARSER_OPTIONS), validator: lib.XMLValidator };
  }
  return xmlLibrary;
}

const ATTRS = ':@attributes';
const TEXT = '#text';
const CDATA = '#cdata';

/**
 * Entities are decoded here rather than by the parser: only the XML standard ones and character
 * references, and never inside CDATA. DOCTYPE is refused outright (no entity definitions, so no
 * billion-laughs or external entity tricks).
 */
const PARSER_OPTIONS: FastXmlParser.X2jOptions = {
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
  // The parser refuses or renames names like __proto__ and toString; mark them instead and restore
  // them as own properties in convertElement.
  transformTagName: markReserved,
  transformAttributeName: markReserved,
  onDangerousProperty: markReserved,
};

const RESERVED_MARK = '\u0000';
const RESERVED = new Set(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf',
  '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__', 'isPrototypeOf',
  'propertyIsEnumerable', 'toLocaleString']);

function markReserved(name: string): string {
  return RESERVED.has(name) ? RESERVED_MARK + name : name;
}

function unmark(name: string): string {
  return name.charCodeAt(0) === 0 ? name.slice(1) : name;
}

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
  const valid = xml().validator.validate(input);
  if (valid !== true) throw new StageError(`malformed XML: ${valid.err.msg.slice(0, 200)} (line ${valid.err.line}, column ${valid.err.col})`);
  let tree: unknown;
  try {
    tree = xml().parser.parse(input);
  } catch (err) {
    throw new StageError(`malformed XML: ${(err as Error).message.slice(0, 200)}`);
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
  const attrs = source[ATTRS];
  if (attrs !== undefined) {
    for (const [name, attr] of Object.entries(attrs as Record<string, unknown>)) {
      set(out, unmark(name), typeof attr === 'string' ? decodeEntities(attr) : String(attr));
    }
  }
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (key === ATTRS) continue;
    if (key === TEXT) {
      text += decodeEntities(String(value));
    } else if (key === CDATA) {
      text += Array.isArray(value) ? value.join('') : String(value);
    } else {
      hasChild = true;
      set(out, unmark(key), convertElement(value, empty));
    }
  }
  if (Object.keys(out).length === 0 && !hasChild) return text === '' ? empty : text;
  if (text !== '') set(out, TEXT, text);
  return out;
}

function set(out: Record<string, unknown>, key: string, value: unknown): void {
  setOwnKey(out, key, value);
}

/** `xml.parse-xml` (parser-language 5.8): `{rootTag: {...}}` with namespaces stripped from tag names. */
export const xmlParse: StageFactory = {
  names: ['xml.parse-xml'],
  properties: [],
  defaultInput: 'message',
  compile() {
    return {
      run(input: unknown): unknown {
        return convertElement(parseXmlTree(input), null);
      },
    };
  },
};
