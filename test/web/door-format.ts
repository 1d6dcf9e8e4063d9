import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The manifest uuid of the test format below. */
export const DOOR_UUID = '0d00d00d-0000-4000-8000-000000000001';

export const DOOR_OPEN = '{"ts":"2024-05-01T10:00:00Z","door":"front","user":"alice","action":"open"}';
export const DOOR_DENIED = '{"ts":"2024-05-01T10:05:00Z","door":"cellar","user":"bob","action":"deny"}';

/**
 * A small format of this test suite (a door badge reader sending JSON), with a smart description,
 * a field of its own in fields.yml and one test file: written under `root`, which is returned as
 * the tree to give with --formats-dir.
 */
export function writeDoorFormat(root: string): string {
  const dir = join(root, 'acme', 'door');
  for (const sub of ['_meta', 'ingest', 'tests']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, '_meta', 'manifest.yml'), `uuid: ${DOOR_UUID}\nname: Acme Door\nslug: acme-door\n`);
  writeFileSync(
    join(dir, '_meta', 'fields.yml'),
    'acme.door.name:\n  name: acme.door.name\n  type: keyword\n  description: The door the badge was shown at\n',
  );
  writeFileSync(
    join(dir, '_meta', 'smart-descriptions.json'),
    JSON.stringify([
      { value: '{user.name} opened the {acme.door.name} door', conditions: [{ field: 'event.action', value: 'open' }] },
      { value: '{user.name} was refused at the {acme.door.name} door', conditions: [{ field: 'event.action', value: 'deny' }] },
    ]),
  );
  writeFileSync(
    join(dir, 'ingest', 'parser.yml'),
    [
      'name: acme-door',
      'pipeline:',
      '  - name: parsed',
      '    external:',
      '      name: json.parse-json',
      '      properties:',
      '        input_field: "{{ original.message }}"',
      '        output_field: message',
      '  - name: fields',
      'stages:',
      '  fields:',
      '    actions:',
      '      - set:',
      '          "@timestamp": "{{ parsed.message.ts }}"',
      '          event.action: "{{ parsed.message.action }}"',
      '          user.name: "{{ parsed.message.user }}"',
      '          acme.door.name: "{{ parsed.message.door }}"',
      '',
    ].join('\n'),
  );
  const expected = { message: DOOR_OPEN, '@timestamp': '2024-05-01T10:00:00Z', event: { action: 'open' }, user: { name: 'alice' }, acme: { door: { name: 'front' } }, related: { user: ['alice'] } };
  writeFileSync(join(dir, 'tests', 'open.json'), JSON.stringify({ input: { message: DOOR_OPEN }, expected }, null, 2) + '\n');
  return root;
}
