/** Small copies and splits (spec section 10): host.name, event.outcome, file.name/directory. */
import { isDict } from '../core/values.js';
import { objectAt, type Event } from './event-paths.js';

function copy(value: unknown): unknown {
  return Array.isArray(value) ? value.slice() : value;
}

export function inferCopies(event: Event, copyActionOutcome = true): void {
  const host = event.host;
  if (isDict(host) && host.name === undefined && host.hostname !== undefined) host.name = copy(host.hostname);

  const action = event.action;
  // Unlike other inference, action.outcome overwrites an event.outcome the parser set itself:
  // the reference never keeps the two different.
  if (copyActionOutcome && isDict(action) && action.outcome !== undefined) {
    const target = objectAt(event, ['event']);
    if (target !== undefined) target.outcome = copy(action.outcome);
  }

  const file = event.file;
  if (isDict(file) && file.name === undefined && typeof file.path === 'string') {
    const path = file.path;
    const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    // Without any separator the whole path is the name and the directory is "" (os.path.dirname).
    file.name = path.slice(cut + 1);
    if (file.directory === undefined) file.directory = cut >= 0 ? path.slice(0, cut) : '';
  }
}
