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
  /** Problems found at reception (e.g. invalid UTF-8), added to `sekoiaio.intake.parsing_warnings`. */
  warnings?: string[];
}

export const INVALID_UTF8_WARNING = 'message was not valid UTF-8: invalid bytes replaced by U+FFFD';
