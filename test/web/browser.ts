import { existsSync } from 'node:fs';
import type { TestContext } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Set to 1 to skip the browser tests on a machine without chromium (they fail otherwise). */
export const SKIP_ENV = 'INTAKE_SKIP_BROWSER_TESTS';
/** The browser binary to drive, when it is not at one of the usual places. */
export const CHROMIUM_ENV = 'INTAKE_CHROMIUM';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The system's Chromium; none: an error saying how to get one (or how to skip), or a skip when asked. */
export function chromiumPath(t?: TestContext): string | undefined {
  const given = process.env[CHROMIUM_ENV];
  if (given) {
    if (!existsSync(given)) throw new Error(`${CHROMIUM_ENV}=${given}: no such file`);
    return given;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found !== undefined) return found;
  if (process.env[SKIP_ENV] === '1' && t !== undefined) {
    t.skip(`no chromium (${SKIP_ENV}=1)`);
    return undefined;
  }
  throw new Error(
    `the browser tests need Chromium: apt-get install -y chromium (Debian), or ${CHROMIUM_ENV}=/path/to/chrome; ` +
      `${SKIP_ENV}=1 skips them`,
  );
}

export function launchBrowser(executablePath: string): Promise<Browser> {
  return puppeteer.launch({
    executablePath,
    headless: true,
    // Root (CI, containers) cannot use Chromium's sandbox; /dev/shm is small in containers.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--lang=en-US'],
  });
}

/** The text a person sees in the first element matching `selector` (waits for it). */
export async function textOf(page: Page, selector: string): Promise<string> {
  const el = await page.waitForSelector(selector, { timeout: 15_000 });
  return (await el!.evaluate((node) => (node as { innerText: string }).innerText)).trim();
}

/** The texts of every element matching `selector`, now. */
export function textsOf(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (nodes) => nodes.map((n) => (n as unknown as { innerText: string }).innerText.trim()));
}

/** Waits until the JavaScript expression (run in the page) is true. */
export async function until(page: Page, expression: string): Promise<void> {
  await page.waitForFunction(expression, { timeout: 15_000 });
}

/** Replaces the content of a text field as a person would type it. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.click(selector, { count: 3 });
  await page.$eval(selector, (el) => {
    (el as unknown as { value: string }).value = '';
  });
  await page.type(selector, text);
}

/** Loads the page and logs in with the read key. */
export async function logIn(page: Page, url: string, key: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#read-key');
  await typeInto(page, '#read-key', key);
  await page.click('.login button[type=submit]');
  await page.waitForSelector('header nav');
}
