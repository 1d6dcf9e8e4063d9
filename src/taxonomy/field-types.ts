/**
 * Declared type name → what normalization does with a value of that field
 * (normalized-event section 6.1).
 */
export enum Kind {
  /** keyword family: scalars become their Python/JSON text, objects compact JSON. */
  Keyword = 1,
  /** long/number/float family: numeric strings become numbers. */
  Number,
  Boolean,
  /** date/datetime: strings normalized to UTC ISO text; numbers (epochs) unchanged. */
  Date,
  /** must hold IP addresses; kept unchanged. */
  Ip,
  /** a leaf kept as written (custom int types, geo_point, date_nanos, ...). */
  Verbatim,
  /** object/dict/nested/flattened: the whole subtree is kept, unfiltered. */
  Container,
  /** array/list: a container whose value is a list (any other value becomes its one element). */
  List,
}

/** Whether the field keeps its whole subtree (an object or a list type). */
export function isContainer(kind: Kind | undefined): boolean {
  return kind === Kind.Container || kind === Kind.List;
}

/** The 22 type names of the catalog's fields.yml files (parser-language 1.2). */
export const FIELDS_YML_TYPES: readonly string[] = [
  'keyword', 'text', 'number', 'long', 'array', 'boolean', 'string', 'integer', 'object', 'bool',
  'date_nanos', 'keywords', 'ip', 'float', 'datetime', 'date', 'int', 'list', 'short', 'dict',
  'geo_point', 'tracker',
];

/** Types that ECS itself uses and that user taxonomy files copied from ECS may carry. */
const ECS_TYPES: readonly string[] = [
  'constant_keyword', 'wildcard', 'match_only_text', 'scaled_float', 'double', 'nested', 'flattened',
];

const KIND_BY_TYPE = new Map<string, Kind>([
  ['keyword', Kind.Keyword], ['text', Kind.Keyword], ['string', Kind.Verbatim], ['keywords', Kind.Keyword],
  ['wildcard', Kind.Keyword], ['match_only_text', Kind.Keyword], ['constant_keyword', Kind.Keyword],
  ['long', Kind.Number], ['number', Kind.Number], ['float', Kind.Number], ['double', Kind.Number],
  ['scaled_float', Kind.Number],
  ['boolean', Kind.Boolean], ['bool', Kind.Boolean],
  ['date', Kind.Date], ['datetime', Kind.Date],
  ['ip', Kind.Ip],
  // Spec 6.1: the custom integer types are not coerced; section 6.3 covers date/datetime only.
  // `string` is no type of the catalog's docs (keyword, boolean, long, float, array, dict): kept too.
  ['integer', Kind.Verbatim], ['int', Kind.Verbatim], ['short', Kind.Verbatim],
  ['date_nanos', Kind.Verbatim], ['geo_point', Kind.Verbatim], ['tracker', Kind.Verbatim],
  ['object', Kind.Container], ['dict', Kind.Container], ['array', Kind.List], ['list', Kind.List],
  ['nested', Kind.Container], ['flattened', Kind.Container],
]);

/** Every type name a taxonomy entry may declare. */
export const ACCEPTED_TYPES: ReadonlySet<string> = new Set([...FIELDS_YML_TYPES, ...ECS_TYPES]);

export function kindOfType(type: string): Kind {
  return KIND_BY_TYPE.get(type) ?? Kind.Verbatim;
}
