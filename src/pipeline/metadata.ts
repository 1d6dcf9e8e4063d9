import { randomUUID } from 'node:crypto';
import { childDict } from './paths.js';

export const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

export interface Metadata {
  status: 'success' | 'failure';
  dialect: string;
  dialectUuid: string;
  eventId: string;
  message: string;
  error?: string;
  warnings: string[];
}

/** Stamps the intake metadata (normalized-event step 12) and the raw message on a normalized event. */
export function stampMetadata(event: Record<string, unknown>, meta: Metadata): Record<string, unknown> {
  const sekoiaio = childDict(event, 'sekoiaio');
  const intake = childDict(sekoiaio, 'intake');
  intake.parsing_status = meta.status;
  intake.dialect = meta.dialect;
  intake.dialect_uuid = meta.dialectUuid;
  if (meta.error !== undefined) intake.parsing_error = meta.error;
  else delete intake.parsing_error;
  if (meta.warnings.length > 0) intake.parsing_warnings = [...meta.warnings];
  else delete intake.parsing_warnings;
  childDict(event, 'event').id = meta.eventId;
  event.message = meta.message;
  return event;
}

export function newEventId(testMode: boolean | undefined): string {
  return testMode ? ZERO_UUID : randomUUID();
}
