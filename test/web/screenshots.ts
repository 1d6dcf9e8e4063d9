/**
 * `npm run screenshots`: docs/screenshots/*.png, one per view of the web page, from a server on a
 * temp store, all with the test suite's own door format (nothing of the catalog is pictured): the
 * playground runs one of its samples, the event view shows badge events spread over the last hours.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer-core';
import { REPO_ROOT } from '../intake/processes.js';
import { chromiumPath, launchBrowser, logIn, until } from './browser.js';
import { DOOR_KEY, startWebServer, WEB_READ_KEY } from './web-server.js';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = resolve(values.out ?? join(REPO_ROOT, 'docs', 'screenshots'));

/** Badge events of a morning: who, where, allowed or not, at times spread over the last hours. */
function doorEvents(now: number): string[] {
  const users = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'];
  const doors = ['front', 'cellar', 'lab', 'server-room', 'garage'];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const out: string[] = [];
  for (let i = 0; i < 160; i++) {
    const minutesAgo = Math.floor(rand() ** 1.6 * 360);
    const door = doors[Math.floor(rand() * doors.length)]!;
    const action = door === 'server-room' && rand() < 0.6 ? 'deny' : rand() < 0.1 ? 'deny' : 'open';
    const ts = new Date(now - minutesAgo * 60_000 - Math.floor(rand() * 60_000)).toISOString();
    out.push(JSON.stringify({ ts, door, user: users[Math.floor(rand() * users.length)], action }));
  }
  return out;
}

async function shot(page: Page, name: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 200)); // let the last paint land
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  process.stdout.write(`wrote ${join(outDir, `${name}.png`)}\n`);
}

const executable = chromiumPath()!;
const web = await startWebServer([]);
const browser = await launchBrowser(executable);
try {
  mkdirSync(outDir, { recursive: true });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(web.url, { waitUntil: 'load' });
  await page.waitForSelector('#read-key');
  await shot(page, 'login');

  await logIn(page, web.url, WEB_READ_KEY);
  await until(page, 'document.querySelectorAll("#format option").length > 3');
  await page.select('#format', 'acme-door');
  await page.click('#load-sample');
  await until(page, 'document.querySelector("#raw-events").value !== ""');
  await page.click('#run');
  await page.waitForSelector('.result');
  await shot(page, 'playground');

  await web.send(DOOR_KEY, doorEvents(Date.now()));
  await page.click('header nav button:nth-child(2)');
  await page.waitForSelector('#since');
  await page.click('#search');
  await until(page, 'document.querySelectorAll(".event-table tbody tr").length > 50');
  await shot(page, 'events');

  await page.type('#query', 'event.action:deny');
  await page.click('#search');
  await until(page, 'document.querySelectorAll(".event-table tbody tr").length < 100');
  await page.click('.event-table tbody tr');
  await until(page, 'document.querySelector(\'.detail tr[data-field="acme.door.name"] td.type\')?.innerText === "keyword"');
  await page.$eval('.detail', (el) => (el as unknown as { scrollIntoView(o: unknown): void }).scrollIntoView({ block: 'start' }));
  await shot(page, 'event-detail');
} finally {
  await browser.close();
  await web.stop();
}
