import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HttpError } from '../../src/intake/http-body.js';
import { serveStatic } from '../../src/intake/web/static.js';
import { httpRequest } from '../intake/helpers.js';
import { DOOR_DENIED, DOOR_OPEN, DOOR_UUID } from './door-format.js';
import { BEARER, DOOR_KEY, startWebServer, type WebServer } from './web-server.js';

let web: WebServer;
before(async () => {
  web = await startWebServer();
});
after(() => web.stop());

const get = (path: string, headers: Record<string, string> = BEARER) => httpRequest(web.port, 'GET', path, undefined, headers);
const post = (path: string, body: unknown, headers: Record<string, string> = BEARER) =>
  httpRequest(web.port, 'POST', path, JSON.stringify(body), { ...headers, 'content-type': 'application/json' });
const json = (body: string) => JSON.parse(body) as Record<string, any>;

test('the page and its assets need no key; every /api/* endpoint needs the read key', async () => {
  const page = await get('/', {});
  assert.equal(page.status, 200);
  assert.match(String(page.headers['content-type']), /^text\/html/);
  assert.match(page.body, /<script type="module" src="\/assets\/app\.js">/);
  assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
  const script = await get('/assets/app.js', {});
  assert.equal(script.status, 200);
  assert.match(String(script.headers['content-type']), /^text\/javascript/);
  assert.equal((await get('/assets/app.css', {})).status, 200);
  assert.equal((await get('/assets/../package.json', {})).status, 404);
  for (const path of ['/api/formats', '/api/events', '/api/histogram', '/api/fields?name=a', '/api/sample?format=acme-door']) {
    const answer = await get(path, {});
    assert.equal(answer.status, 401, path);
    assert.equal((await get(path, { authorization: 'Bearer wrong' })).status, 401, path);
  }
  const refused = await post('/api/playground', { format: 'auto', input: DOOR_OPEN }, {});
  assert.equal(refused.status, 401);
  assert.equal(refused.headers['www-authenticate'], 'Bearer realm="intake"');
});

test('GET /api/formats lists the intakes\' formats, the trees\' and the built-in ones', async () => {
  const answer = await get('/api/formats');
  assert.equal(answer.status, 200);
  const formats = json(answer.body).formats as { slug: string; origin: string; intake: boolean; uuid: string }[];
  const door = formats.find((f) => f.slug === 'acme-door');
  assert.deepEqual({ uuid: door?.uuid, intake: door?.intake }, { uuid: DOOR_UUID, intake: true });
  assert.equal(formats.find((f) => f.slug === 'rubycat-proveit')?.intake, true);
  assert.deepEqual(formats.find((f) => f.slug === 'azure-linux') && { origin: 'built-in', intake: false }, { origin: 'built-in', intake: false });
});

test('GET /api/sample gives a test of the format: its raw message and expected event', async () => {
  const answer = json((await get('/api/sample?format=acme-door')).body);
  assert.deepEqual({ format: answer.format, count: answer.count, file: answer.file, message: answer.message }, { format: 'acme-door', count: 1, file: 'open.json', message: DOOR_OPEN });
  assert.equal(json(answer.expected).user.name, 'alice');
  assert.equal((await get('/api/sample?format=nope')).status, 404);
});

test('POST /api/playground normalizes pasted lines with a format, describes them, stores nothing', async () => {
  const answer = await post('/api/playground', { format: 'acme-door', input: `${DOOR_OPEN}\n\n${DOOR_DENIED}\r\n` });
  assert.equal(answer.status, 200, answer.body);
  const events = json(answer.body).events as any[];
  assert.equal(events.length, 2, 'blank lines are no events');
  assert.deepEqual(events.map((e) => e.description), ['alice opened the front door', 'bob was refused at the cellar door']);
  assert.deepEqual(events[1].format, { slug: 'acme-door', name: 'Acme Door' });
  assert.equal(events[1].event.acme.door.name, 'cellar');
  assert.equal(events[1].event.sekoiaio.intake.parsing_status, 'success');
  assert.equal(events[0].test, undefined, 'no expectation, no test');
  assert.equal(web.server.store!.count(), 0);
});

test('POST /api/playground with "auto" finds the format of each event among every known one', async () => {
  const proveit = json((await get('/api/sample?format=rubycat-proveit')).body).message as string;
  const answer = await post('/api/playground', { format: 'auto', input: proveit, split: 'whole' });
  const [event] = json(answer.body).events;
  assert.equal(event.format.slug, 'rubycat-proveit');
  const door = json((await post('/api/playground', { format: 'auto', input: DOOR_DENIED })).body).events[0];
  assert.equal(door.format.slug, 'acme-door');
  assert.equal(door.description, 'bob was refused at the cellar door');
  const none = json((await post('/api/playground', { format: 'auto', input: 'not an event of any format' })).body).events[0];
  assert.equal(none.format, null);
  assert.equal(none.event.sekoiaio.intake.parsing_status, 'failure');
});

test('POST /api/playground compares with an expected event and gives the lines `intake test` prints', async () => {
  const sample = json((await get('/api/sample?format=acme-door')).body);
  const same = json((await post('/api/playground', { format: 'acme-door', input: sample.message, expected: sample.expected })).body).events[0];
  assert.deepEqual(same.test, { passed: true, lines: [] });
  const testFile = JSON.stringify({ input: { message: DOOR_OPEN }, expected: { event: { action: 'close' }, user: { name: 'alice' }, host: { name: 'x' } } });
  const differs = json((await post('/api/playground', { format: 'acme-door', input: DOOR_OPEN, expected: testFile })).body).events[0];
  assert.equal(differs.test.passed, false);
  assert.deepEqual(differs.test.lines, [
    'extra    @timestamp: "2024-05-01T10:00:00Z"',
    'extra    acme: {"door":{"name":"front"}}',
    'changed  event.action: expected "close", got "open"',
    'missing  host: {"name":"x"}',
    'extra    related: {"user":["alice"]}',
  ]);
  const failed = json((await post('/api/playground', { format: 'acme-door', input: 'garbage', expected: '{}' })).body).events[0];
  assert.match(failed.test.lines[0], /^parsing_status is "failure"$/);
});

test('POST /api/playground refuses what it cannot run, saying why', async () => {
  const unknown = await post('/api/playground', { format: 'acme-dor', input: 'x' });
  assert.equal(unknown.status, 400);
  assert.match(json(unknown.body).message, /unknown format "acme-dor"; did you mean acme-door\?/);
  assert.match(json((await post('/api/playground', { format: 'acme-door' })).body).message, /"input" is required/);
  assert.match(json((await post('/api/playground', { format: 'acme-door', input: 'x', expected: '{oops' })).body).message, /^expected: not JSON/);
  const notJson = await httpRequest(web.port, 'POST', '/api/playground', 'format=x', BEARER);
  assert.equal(notJson.status, 400);
  assert.equal((await get('/api/playground')).status, 405);
  const many = await post('/api/playground', { format: 'acme-door', input: `${DOOR_OPEN}\n`.repeat(1001) });
  assert.equal(many.status, 413);
  assert.match(json(many.body).message, /at most 1000 events at a time/);
});

test('GET /api/events: matching stored events, newest first, each with its format and description', async () => {
  await web.send(DOOR_KEY, [DOOR_OPEN, DOOR_DENIED]);
  const all = json((await get('/api/events')).body);
  assert.equal(all.truncated, false);
  assert.deepEqual(all.events.map((e: any) => e.description), ['bob was refused at the cellar door', 'alice opened the front door']);
  assert.deepEqual(all.events[0].format, { slug: 'acme-door', name: 'Acme Door', uuid: DOOR_UUID });
  const denied = json((await get(`/api/events?q=${encodeURIComponent('event.action:deny')}`)).body);
  assert.deepEqual(denied.events.map((e: any) => e.event.user.name), ['bob']);
  assert.equal(json((await get('/api/events?limit=1')).body).events.length, 1);
  const bad = await get(`/api/events?q=${encodeURIComponent('"open')}`);
  assert.equal(bad.status, 400);
  assert.match(json(bad.body).message, /unterminated quote/);
  assert.equal((await get('/api/events?since=yesterday-ish')).status, 400);
});

test('GET /api/histogram counts the matching events per time bucket', async () => {
  // The two door events of the previous test: 10:00 and 10:05 on 2024-05-01.
  const h = json((await get('/api/histogram?buckets=10')).body);
  assert.equal(h.total, 2);
  assert.equal(h.bucketMs, 60_000, 'five minutes in at most 10 buckets: 1 minute each');
  assert.equal(h.fromMs, Date.parse('2024-05-01T10:00:00Z'));
  assert.equal(h.counts.length, 6);
  assert.deepEqual(h.counts, [1, 0, 0, 0, 0, 1]);
  const ranged = json((await get(`/api/histogram?buckets=4&since=2024-05-01T09:00:00Z&until=2024-05-01T11:00:00Z&q=${encodeURIComponent('event.action:deny')}`)).body);
  assert.deepEqual({ bucketMs: ranged.bucketMs, counts: ranged.counts, total: ranged.total }, { bucketMs: 30 * 60_000, counts: [0, 0, 1, 0], total: 1 });
  const none = json((await get('/api/histogram?q=event.action:fly')).body);
  assert.deepEqual({ counts: none.counts, total: none.total }, { counts: [], total: 0 });
});

test('GET and POST /api/fields: each field\'s taxonomy type and description, for the event\'s format', async () => {
  const names = ['acme.door.name', 'user.name', 'sekoiaio.intake.parsing_status', 'no.such.field'];
  const answer = json((await get(`/api/fields?format=${DOOR_UUID}&${names.map((n) => `name=${n}`).join('&')}`)).body);
  assert.equal(answer.format, 'acme-door');
  assert.deepEqual(answer.fields['acme.door.name'], { type: 'keyword', description: 'The door the badge was shown at', source: 'format' });
  assert.equal(answer.fields['user.name'].source, 'ecs');
  assert.match(answer.fields['user.name'].description, /user/i);
  assert.equal(answer.fields['no.such.field'], null);
  const posted = json((await post('/api/fields', { names: ['user.name', 'acme.door.name'] })).body);
  assert.equal(posted.format, null, 'no format: ECS and the extensions only');
  assert.equal(posted.fields['acme.door.name'], null);
  assert.equal(posted.fields['user.name'].type, 'keyword');
  assert.equal((await get('/api/fields')).status, 400);
});

test('a server whose page was not built says so at /', () => {
  const res = { writeHead: () => assert.fail('nothing is written'), end: () => {} } as never;
  assert.throws(() => serveStatic(res, '/', false, '/nonexistent-web-dir'), (err: unknown) =>
    err instanceof HttpError && err.status === 404 && err.message === 'the web page is not built (npm run build)');
  assert.throws(() => serveStatic(res, '/assets/app.js', false, '/nonexistent-web-dir'), (err: unknown) => err instanceof HttpError && err.message === 'not found');
});
