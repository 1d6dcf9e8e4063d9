/** Steps 3–11 of normalized-event section 1, compiled once per taxonomy. */
import { inferCommandLineUrl } from './command-line-url.js';
import { inferCopies } from './copies.js';
import { inferDnsParts } from './dns.js';
import { inferAddresses } from './endpoints.js';
import { filterAndCoerce } from './filter.js';
import { computeRelated } from './related.js';
import type { Taxonomy } from './taxonomy.js';
import { inferUrl } from './url.js';
import { inferUserAgent } from './user-agent.js';
import { enrichWindowsLogon } from './windows-logon.js';

export type Normalizer = (event: Record<string, unknown>, warnings: string[]) => Record<string, unknown>;

/**
 * Returns the normalized copy of the parser's raw event (which it does not modify). Admission (step 2) and metadata (step 12)
 * belong to the pipeline. Values that cannot be coerced are dropped silently, as the reference does
 * (the `warnings` argument is for steps that have something to report).
 */
export interface NormalizerOptions {
  /** Copy `action.outcome` to a missing `event.outcome` (section 10); a format's manifest may turn it off. */
  copyActionOutcome?: boolean;
  /** `user.target.name` feeds `related.user`; a format's manifest may turn it off. */
  relatedTargetUser?: boolean;
}

export function createNormalizer(taxonomy: Taxonomy, options: NormalizerOptions = {}): Normalizer {
  const copyActionOutcome = options.copyActionOutcome !== false;
  const relatedTargetUser = options.relatedTargetUser !== false;
  const tree = taxonomy.fieldTree();
  return (raw) => {
    const event = filterAndCoerce(raw, tree);
    delete event.related; // T5: the parser's related.* never survives
    computeRelated(event, relatedTargetUser);
    // The inference steps below each start from one top-level key and return at once without it.
    inferAddresses(event);
    inferCommandLineUrl(event);
    inferUrl(event);
    inferDnsParts(event);
    inferUserAgent(event);
    inferCopies(event, copyActionOutcome);
    enrichWindowsLogon(event);
    return event;
  };
}
