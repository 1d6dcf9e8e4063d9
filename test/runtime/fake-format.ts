/** A stand-in Format for runtime unit tests: parses messages with a function. */
import type { Format, FormatTestCase, InputEvent, NormalizedEvent } from '../../src/pipeline/index.js';

export function fakeFormat(
  slug: string,
  parse: (message: string) => Record<string, unknown> | undefined,
  testMessages: string[] = [],
): Format {
  return {
    dir: `/formats/${slug}`,
    slug,
    diagnostics: [],
    name: `Name of ${slug}`,
    uuid: '00000000-0000-0000-0000-000000000001',
    manifest: { uuid: '', name: `Name of ${slug}`, slug },
    taxonomy: undefined as never,
    ownFields: {},
    normalize(input: InputEvent): NormalizedEvent {
      const fields = parse(input.message);
      const status = fields ? 'success' : 'failure';
      return { ...(fields ?? {}), message: input.message, sekoiaio: { intake: { dialect: `Name of ${slug}`, parsing_status: status } } };
    },
    loadTests(): FormatTestCase[] {
      return testMessages.map((message, i) => ({ file: `t${i}.json`, input: { message }, expected: {} }));
    },
  };
}
