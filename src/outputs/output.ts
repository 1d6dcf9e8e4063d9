import type { NormalizedEvent } from '../pipeline/types.js';

/** A sink. `write` resolves only once every event is durable there (or definitively dead-lettered). */
export interface Output {
  readonly name: string;
  write(events: NormalizedEvent[]): Promise<void>;
  close(): Promise<void>;
}
