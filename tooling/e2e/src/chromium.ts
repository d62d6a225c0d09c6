// Debian's headless Chromium through playwright-core (browsers cannot be downloaded here): a page
// that records uncaught page errors, and the bytes of a download a click starts.
import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface BrowserPage {
  browser: Browser;
  page: Page;
  /** Messages of uncaught errors thrown in the page so far. */
  pageErrors: string[];
}

/** Opens `url` in a fresh headless Chromium that accepts downloads. Close `browser` when done. */
export async function openBrowserPage(url: string, viewport = { width: 1200, height: 900 }): Promise<BrowserPage> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await (await browser.newContext({ acceptDownloads: true, viewport })).newPage();
  page.setDefaultTimeout(15_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(url);
  return { browser, page, pageErrors };
}

/** Clicks `button` and returns the file it downloads: its suggested name and its bytes. */
export async function downloadFrom(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}
