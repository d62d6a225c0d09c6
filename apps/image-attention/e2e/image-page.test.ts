// The page in a real headless Chromium (Debian's, via playwright-core): an example explained on arrival,
// another picked, the overlay modes and heads, the deletion curve, a PNG upload (and a corrupt one), a
// drawn stroke classified, a cluttered example with its box and pointing result, a PNG export, 390 px.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { downloadFrom, openBrowserPage, PNG_SIGNATURE, saveReadmeScreenshot } from '@attn/e2e';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-results');

describe('image-attention page', () => {
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    ({ browser, page, pageErrors } = await openBrowserPage(inject('baseUrl')));
    mkdirSync(screenshots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function waitForPrediction(): Promise<string> {
    await page.locator('[data-testid="prediction"], [data-testid="explain-error"]').first().waitFor({ timeout: 45_000 });
    const failure = page.getByTestId('explain-error');
    if ((await failure.count()) > 0) throw new Error(`the page showed an error: ${await failure.textContent()}`);
    return (await page.getByTestId('prediction').locator('strong').textContent())?.trim() ?? '';
  }

  it('explains the digit model’s first example on arrival: prediction, probabilities and the patch overlay', async () => {
    await expect(page.locator('select[name=model]').inputValue()).resolves.toBe('image-digits');
    const label = await waitForPrediction();
    const bars = await page.getByRole('list', { name: 'Class probabilities' }).getByRole('listitem').count();
    expect(bars).toBe(10);
    expect(label).toMatch(/^\d$/);
    const overlay = page.getByTestId('patch-overlay').locator('svg[data-attn-view="patch-overlay"]');
    expect(await overlay.locator('rect[data-patch]').count()).toBeGreaterThanOrEqual(16);
    expect(await overlay.locator('image').getAttribute('href')).toMatch(/^data:image\/png;base64,/);
  });

  it('picks another held-out digit and shows its true label beside the prediction', async () => {
    const tiles = page.getByRole('group', { name: 'Held-out examples' }).getByRole('button');
    expect(await tiles.count()).toBeGreaterThanOrEqual(2);
    const name = (await tiles.nth(1).getAttribute('title')) ?? '';
    await tiles.nth(1).click();
    await page.getByTestId('true-label').filter({ hasText: name }).waitFor();
    await waitForPrediction();
    await expect(tiles.nth(1).getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('switches the overlay between a layer’s heads, rollout and flow, and picks a head from the small multiples', async () => {
    const caption = () => page.getByTestId('patch-overlay').locator('svg text').first().textContent();
    await expect(caption()).resolves.toMatch(/mean of heads · from \[CLS\]/);
    await page.locator('input[name=layer]').fill('0');
    await expect(caption()).resolves.toMatch(/^layer 0/);
    const thumbnails = page.getByTestId('small-multiples').locator('[data-small-multiple]');
    expect(await thumbnails.count()).toBeGreaterThanOrEqual(2);
    await thumbnails.nth(1).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('select[name=head]').inputValue()).resolves.toBe('1');
    await page.locator('select[name=overlay-mode]').selectOption('rollout');
    await page.locator('select[name=head-fusion]').selectOption('max');
    await expect(caption()).resolves.toMatch(/rollout over \d+ layers · max of heads/);
    await page.locator('select[name=overlay-mode]').selectOption('flow');
    await expect(caption()).resolves.toMatch(/attention flow/);
  });

  it('draws the deletion curve of the current image and the heads’ attention distances', async () => {
    const chart = page.getByTestId('deletion-curve').locator('svg[data-attn-view="deletion-curve"]');
    await chart.waitFor({ timeout: 45_000 });
    expect(await chart.locator('path[data-deletion-series]').count()).toBe(2);
    await expect(page.getByTestId('deletion-area').textContent()).resolves.toMatch(/Area between the curves: -?\d\.\d{3}/);
    expect(await page.getByTestId('attention-distance').locator('rect > title').count()).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: join(screenshots, 'image-attention-digits.png'), fullPage: true });
    await saveReadmeScreenshot(page, 'image-attention', page.locator('main'));
  });

  it('uploads a PNG, refuses another type before sending and a corrupt file from the server, and keeps working', async () => {
    await page.getByRole('tab', { name: 'Upload' }).click();
    const dark = Buffer.alloc(120 * 90, 250);
    for (let y = 10; y < 80; y++) dark.fill(20, y * 120 + 55, y * 120 + 65);
    const png = await sharp(dark, { raw: { width: 120, height: 90, channels: 1 } })
      .png()
      .toBuffer();
    const input = page.locator('input[type=file][name=upload]');
    await input.setInputFiles({ name: 'one.png', mimeType: 'image/png', buffer: png });
    await waitForPrediction();
    await input.setInputFiles({ name: 'anim.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
    await expect(page.getByTestId('upload-problem').textContent()).resolves.toMatch(
      /anim\.gif is image\/gif; upload a PNG, JPEG or WebP image/,
    );
    await input.setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('\x89PNG\r\n\x1a\nbroken') });
    await expect(page.getByTestId('explain-error').textContent()).resolves.toMatch(
      /input\.image: is not a readable PNG, JPEG or WebP image/,
    );
    await input.setInputFiles({ name: 'one.png', mimeType: 'image/png', buffer: png });
    await waitForPrediction();
  });

  it('classifies a stroke drawn on the canvas', async () => {
    await page.getByRole('tab', { name: 'Draw' }).click();
    const canvas = page.getByTestId('drawing-canvas');
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.15 + i * 0.07));
    await page.mouse.up();
    await page.getByRole('button', { name: 'Classify drawing' }).click();
    await waitForPrediction();
    expect(await page.getByTestId('true-label').count()).toBe(0);
  });

  it('opens a cluttered example: the true box, the rollout peak and the pointing result, exported as PNG', async () => {
    await page.locator('select[name=model]').selectOption('image-digits-clutter');
    await page.getByTestId('pointing-result').waitFor({ timeout: 45_000 });
    await expect(page.getByTestId('pointing-result').textContent()).resolves.toMatch(/Pointing game: (hit|miss)\..*by chance/);
    const overlay = page.getByTestId('patch-overlay');
    expect(await overlay.locator('[data-overlay-box]').count()).toBe(1);
    expect(await overlay.locator('[data-overlay-marker]').count()).toBe(1);
    expect(await overlay.locator('rect[data-patch]').count()).toBe(64);
    const card = page.locator('section', { has: overlay });
    const { name, bytes } = await downloadFrom(page, card.getByRole('button', { name: 'PNG' }).first());
    expect(name).toBe('image-digits-clutter-overlay.png');
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(bytes.length).toBeGreaterThan(1000);
    await page.getByTestId('deletion-curve').waitFor({ timeout: 45_000 });
    await page.screenshot({ path: join(screenshots, 'image-attention-clutter.png'), fullPage: true });
  });

  it('fits a 390 px wide phone without sideways scrolling, and raised no page errors', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(screenshots, 'image-attention-390.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
