/**
 * The format index of a set of formats, from the derived-data cache when the same formats with
 * the same test files (names, sizes, modification times) were indexed before by the same code.
 * Building it reads and parses every test file of every format (measured over the 129 catalog
 * formats: about a second on a loaded machine); reading it back is a few blocks of bytes.
 */
import { codeFingerprint, entryName, readBytesEntry, writeBytesEntry } from '../core/derived-cache.js';
import { formatTestsStamp } from '../pipeline/compiled-format.js';
import type { Format } from '../pipeline/index.js';
import { FormatIndex, type FormatIndexData } from './format-index.js';

let cacheKind: string | undefined;
function kind(): string {
  return (cacheKind ??= `format-index-${codeFingerprint(new URL('.', import.meta.url))}`);
}

/** The index of `formats` (in their order), read from the cache or built and stored there. */
export function formatIndexOf(formats: readonly Format[]): FormatIndex {
  const build = () => FormatIndex.build(formats.map((f) => f.loadTests().map((t) => t.input.message)));
  const stamps: string[] = [];
  for (const format of formats) {
    const stamp = formatTestsStamp(format.dir);
    // Tests that are not files in a folder (made in memory) cannot be told apart: not cached.
    if (stamp === undefined) return build();
    stamps.push(`${format.dir}\n${stamp}`);
  }
  const name = entryName(kind(), stamps.join('\n\n'), 'bin');
  const cached = readBytesEntry(name);
  const data = cached === undefined ? undefined : decodeIndex(cached);
  if (data !== undefined && data.norms.length === formats.length) return new FormatIndex(data);
  const index = build();
  writeBytesEntry(name, encodeIndex(index.data), 'format-index-', `${kind()}-`);
  return index;
}

const HEADER_WORDS = 4;

/** [termsBytes, terms, postings, formats] as u32, then the f64 arrays, the u32 arrays, the terms as JSON. */
export function encodeIndex(data: FormatIndexData): Uint8Array {
  const termsJson = Buffer.from(JSON.stringify(data.terms), 'utf8');
  const header = new Uint32Array([termsJson.length, data.terms.length, data.postingFormat.length, data.norms.length]);
  return Buffer.concat([header, data.idf, data.norms, data.postingWeight, data.offsets, data.postingFormat].map(bytesOf).concat(termsJson));
}

export function decodeIndex(input: Uint8Array): FormatIndexData | undefined {
  // Typed arrays need their element alignment: a copy when the bytes sit at an odd offset.
  const bytes = input.byteOffset % 8 === 0 ? input : new Uint8Array(input);
  if (bytes.length < HEADER_WORDS * 4) return undefined;
  const [termsBytes, terms, postings, formats] = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS) as unknown as number[];
  let at = bytes.byteOffset + HEADER_WORDS * 4;
  const expected = HEADER_WORDS * 4 + 8 * (terms! + formats! + postings!) + 4 * (terms! + 1 + postings!) + termsBytes!;
  if (bytes.length !== expected) return undefined;
  const f64 = (n: number) => {
    const array = new Float64Array(bytes.buffer, at, n);
    at += 8 * n;
    return array;
  };
  const u32 = (n: number) => {
    const array = new Uint32Array(bytes.buffer, at, n);
    at += 4 * n;
    return array;
  };
  const idf = f64(terms!);
  const norms = f64(formats!);
  const postingWeight = f64(postings!);
  const offsets = u32(terms! + 1);
  const postingFormat = u32(postings!);
  try {
    const list = JSON.parse(Buffer.from(bytes.buffer, at, termsBytes!).toString('utf8')) as unknown;
    if (!Array.isArray(list) || list.length !== terms) return undefined;
    return { terms: list as string[], idf, offsets, postingFormat, postingWeight, norms };
  } catch {
    return undefined;
  }
}

function bytesOf(array: ArrayBufferView): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}
