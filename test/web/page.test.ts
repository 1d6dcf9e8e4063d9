import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { DOOR_DENIED, DOOR_OPEN } from './door-format.js';
import { chromiumPath, launchBrowser, logIn, textOf, textsOf, typeInto, until } from './browser.js';
import { DOOR_KEY, PROVEIT_KEY, startWebServer, WEB_READ_KEY, type WebServer } from './web-server.js';

/**
 * The web page of `intake serve` in a real headless Chromium: what a person sees after logging in,
 * running the playground and searching the store.
 */
test('the web page: login, playground, event view', { timeout: 120_000 }, async (t) => {
  const executable = chromiumPath(t);
  if (executable === undefined) return;
  const web: WebServer = await startWebServer();
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser(executable);
    const page: Page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));

    await t.test('a wrong key is refused; the read key opens the page', async () => {
      await page.goto(web.url, { waitUntil: 'load' });
      await typeInto(page, '#read-key', 'not-the-key');
      await page.click('.login button[type=submit]');
      assert.equal(await textOf(page, '.login .error'), 'Wrong read key.');
      await logIn(page, web.url, WEB_READ_KEY);
      assert.deepEqual(await textsOf(page, 'header nav button'), ['Playground', 'Events']);
      assert.equal(await page.evaluate('sessionStorage.getItem("intake-read-key")'), WEB_READ_KEY);
    });

    await t.test('playground: a built-in format\'s sample, normalized and matching its expected event', async () => {
      await until(page, 'document.querySelectorAll("#format option").length > 3');
      await page.select('#format', 'rubycat-proveit');
      await page.click('#load-sample');
      await until(page, 'document.querySelector("#raw-events").value.includes("@cee:")');
      assert.equal(await page.$eval('#whole', (el) => (el as unknown as { checked: boolean }).checked), true, 'a sample ending in a newline is one event');
      await page.click('#run');
      const heading = await textOf(page, '.result h3');
      assert.match(heading, /^Event 1: RubyCat PROVE IT\s*success$/);
      assert.equal(await textOf(page, '.result .test'), 'Matches the expected event');
      assert.equal(await textOf(page, '.result tr[data-field="source.ip"] td.value'), '172.17.0.30');
      assert.equal(await textOf(page, '.result tr[data-field="event.action"] td.value'), 'admin_services_service_create');
    });

    await t.test('playground: differences from an edited expectation, as `intake test` prints them', async () => {
      await typeInto(page, '#expected', '{"event": {"action": "something_else"}}');
      await page.click('#run');
      await until(page, 'document.querySelector(".result .test.bad") !== null');
      const lines = (await textOf(page, '.result .differences')).split('\n');
      assert.ok(lines.includes('changed  event.action: expected "something_else", got "admin_services_service_create"'), lines.join('\n'));
      assert.ok(lines.includes('extra    event.kind: "event"'), lines.join('\n'));
      assert.equal(lines.length, 9, lines.join('\n'));
    });

    await t.test('playground: auto finds each pasted line\'s format and shows its smart description', async () => {
      await page.select('#format', 'auto');
      await page.$eval('#whole', (el) => (el as unknown as { checked: boolean }).checked && (el as unknown as { click(): void }).click());
      await typeInto(page, '#expected', ' ');
      await typeInto(page, '#raw-events', `${DOOR_OPEN}\n${DOOR_DENIED}`);
      await page.click('#run');
      await until(page, 'document.querySelectorAll(".result").length === 2 && !document.querySelector(".result .test")');
      assert.deepEqual(await textsOf(page, '.result p.description'), ['alice opened the front door', 'bob was refused at the cellar door']);
      assert.match(await textOf(page, '.result h3'), /^Event 1: Acme Door/);
      assert.equal(await textOf(page, '.result tr[data-field="acme.door.name"] td.value'), 'front');
    });

    await t.test('events: the stored events in a table with descriptions, and a histogram', async () => {
      const proveit = JSON.parse(await page.evaluate(`fetch("/api/sample?format=rubycat-proveit", { headers: { authorization: "Bearer ${WEB_READ_KEY}" } }).then((r) => r.text())`) as string).message as string;
      await web.send(DOOR_KEY, [DOOR_OPEN, DOOR_DENIED]);
      await web.send(PROVEIT_KEY, [proveit]);
      await page.click('header nav button:nth-child(2)');
      await page.waitForSelector('#query');
      await page.click('#search');
      await until(page, 'document.querySelectorAll(".event-table tbody tr").length === 3');
      const rows = await textsOf(page, '.event-table tbody tr td.description');
      assert.deepEqual(rows, ['bob was refused at the cellar door', 'alice opened the front door', ''], 'newest first; the built-in format has no smart descriptions');
      assert.deepEqual(await textsOf(page, '.event-table tbody tr td:nth-child(2)'), ['acme-door', 'acme-door', 'rubycat-proveit']);
      const bars = await page.$$eval('.histogram rect.bar', (nodes) => nodes.map((n) => Number((n as unknown as { dataset: { count: string } }).dataset.count)));
      assert.ok(bars.length > 1, 'the histogram has bars');
      assert.equal(bars.reduce((a, b) => a + b, 0), 3);
      assert.match(await textOf(page, '.histogram figcaption'), /3 events, max \d+ per /);
    });

    await t.test('events: the query language of intake search narrows the table and the histogram', async () => {
      await typeInto(page, '#query', 'event.action:deny');
      await page.click('#search');
      await until(page, 'document.querySelectorAll(".event-table tbody tr").length === 1');
      assert.deepEqual(await textsOf(page, '.event-table tbody tr td.description'), ['bob was refused at the cellar door']);
      assert.match(await textOf(page, '.histogram figcaption'), /1 events, max 1 per /);
      await typeInto(page, '#query', 'user.name:"unterminated');
      await page.click('#search');
      assert.match(await textOf(page, '.events .error'), /unterminated quote/);
      await typeInto(page, '#query', 'acme.door.name:c*');
      await page.click('#search');
      // The list shown before the search has one row too: wait for the search itself to end.
      await until(page, '!document.querySelector("#search").disabled && document.querySelectorAll(".event-table tbody tr").length === 1 && !document.querySelector(".events .error")');
    });

    await t.test('events: one event\'s fields with their taxonomy descriptions', async () => {
      await page.click('.event-table tbody tr');
      assert.equal(await textOf(page, '.detail p.description'), 'bob was refused at the cellar door');
      await until(page, 'document.querySelector(\'.detail tr[data-field="acme.door.name"] td.type\')?.innerText === "keyword"');
      assert.equal(await textOf(page, '.detail tr[data-field="acme.door.name"] td.description'), 'The door the badge was shown at');
      assert.equal(await textOf(page, '.detail tr[data-field="acme.door.name"] td.value'), 'cellar');
      assert.match(await textOf(page, '.detail tr[data-field="user.name"] td.description'), /user/i);
    });

    await t.test('events: a click on a histogram bar narrows the list to its time range', async () => {
      await typeInto(page, '#query', ' ');
      await page.click('#search');
      await until(page, 'document.querySelectorAll(".event-table tbody tr").length === 3');
      // The two door events are minutes apart, the other one over a year before: one bar holds both.
      await page.click('.histogram rect.bar[data-count="2"]');
      await until(page, 'document.querySelectorAll(".event-table tbody tr").length === 2');
      assert.deepEqual(await textsOf(page, '.event-table tbody tr td:nth-child(2)'), ['acme-door', 'acme-door']);
      assert.match(await textOf(page, '.search .range'), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} to \d{2}:\d{2}:\d{2} ×$/);
      await page.click('.search .range');
      await until(page, 'document.querySelectorAll(".event-table tbody tr").length === 3 && !document.querySelector(".search .range")');
    });

    await t.test('a key the server no longer takes brings back the login form', async () => {
      await page.evaluate('sessionStorage.setItem("intake-read-key", "revoked")');
      await page.click('#search');
      assert.match(await textOf(page, '.login .error'), /refused the read key/);
      assert.equal(await page.evaluate('sessionStorage.getItem("intake-read-key")'), null);
    });

    assert.deepEqual(errors, [], 'no script error in the page');
  } finally {
    await browser?.close();
    await web.stop();
  }
});
