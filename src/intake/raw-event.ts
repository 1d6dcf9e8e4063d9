/** An event as received, before normalization: what receivers hand on and what the bus carries. */
export interface RawEvent {
  /** UUID given at reception; becomes the stored event's `event.id`. */
  id: string;
  /** Intake key that selects the format. */
  key: string;
  message: string;
  /** Reception time (epoch ms). */
  receivedMs: number;
  /** Envelope fields merged into the input event (e.g. `log.hostname`, `log.syslog.*`). */
  envelope?: Record<string, unknown>;
}
