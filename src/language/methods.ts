/** Python methods available on str, list, tuple and dict values (registry + built-ins). */
import './methods-str.js';
import './methods-seq.js';
export { registerMethod, lookupMethod, type PyMethod, type MethodReceiver } from './method-registry.js';
