import { renderDescription, selectDescription, type RenderedDescription, type SmartDescription } from './smart-descriptions.js';

/** For one description: the first event it was chosen for with every placeholder filled, if any. */
export interface DescriptionExample {
  description: SmartDescription;
  example?: { rendered: RenderedDescription; eventIndex: number };
}

/**
 * Which descriptions the given events show: each event gets the description chosen for it; a
 * description is shown when it was chosen for an event that fills all its placeholders.
 */
export function descriptionExamples(descriptions: readonly SmartDescription[], events: readonly unknown[]): DescriptionExample[] {
  const out: DescriptionExample[] = descriptions.map((description) => ({ description }));
  events.forEach((event, eventIndex) => {
    const chosen = selectDescription(descriptions, event);
    if (chosen === undefined || out[chosen.index].example !== undefined) return;
    const rendered = renderDescription(chosen, event);
    if (rendered.missing.length === 0) out[chosen.index].example = { rendered, eventIndex };
  });
  return out;
}
