import { Taxonomy, createNormalizer } from '../../src/taxonomy/index.js';

/**
 * A small inline taxonomy on top of ECS: `acme.<type>` for the types used in tests, plus the
 * two fields of the global Sekoia extension list that inference reads (`action.*`).
 */
export const ACME_FIELDS: Record<string, unknown> = {
  'action.outcome': { name: 'action.outcome', type: 'keyword', description: 'outcome of the action' },
  'action.properties': { name: 'action.properties', type: 'object', description: 'vendor event data' },
};
Object.assign(ACME_FIELDS, Object.fromEntries(
  [
    'keyword', 'text', 'string', 'long', 'number', 'float', 'boolean', 'bool', 'integer', 'int', 'short', 'ip', 'date',
    'datetime', 'object', 'dict', 'array', 'list', 'date_nanos', 'geo_point',
  ].map((type) => [`acme.${type}`, { name: `acme.${type}`, type, description: `a ${type}` }]),
));

export const acmeTaxonomy = Taxonomy.build({ formatFields: ACME_FIELDS });

const normalizer = createNormalizer(acmeTaxonomy);

/** Normalizes `event` with the acme taxonomy; returns the event and the warnings. */
export function normalize(event: Record<string, unknown>): { event: Record<string, unknown>; warnings: string[] } {
  const warnings: string[] = [];
  return { event: normalizer(event, warnings), warnings };
}
