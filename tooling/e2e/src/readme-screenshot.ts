// Screenshots for the README, made by the end-to-end runs so they stay current: each app's test saves
// what the browser shows into docs/screenshots/<name>.png at the repository root.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

export const README_SCREENSHOTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'screenshots');

/** Saves the visible part of the page (scrolled so `top` starts it, where given) as docs/screenshots/<name>.png. */
export async function saveReadmeScreenshot(page: Page, name: string, top?: Locator): Promise<string> {
  mkdirSync(README_SCREENSHOTS_DIR, { recursive: true });
  await top?.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  const path = join(README_SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
