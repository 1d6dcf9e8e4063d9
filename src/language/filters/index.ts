/** All built-in filters; importing this module registers them. */
import './strings.js';
import './sequences.js';
import './numbers.js';
import './json.js';
import './network.js';
import './paths.js';
import './regex.js';
import './dates.js';
import { setFilterLookup } from '../tests.js';
import { getFilter } from './registry.js';

setFilterLookup((name) => getFilter(name) !== undefined);

export { getFilter, inputGuard, registerFilter, strictOnUndefined, type FilterFn } from './registry.js';
