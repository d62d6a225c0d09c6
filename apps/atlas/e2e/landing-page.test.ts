// The landing page in a real headless Chromium: a card per app with the right link, and the live attention of
// each domain's first shipped model — token heat for text, a patch grid for images, a history strip for the recommender.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowserPage, saveReadmeScreenshot } from '@attn/e2e';

describe('landing page', () => {
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    ({ browser, page, pageErrors } = await openBrowserPage(inject('baseUrl')));
  });
  afterAll(async () => {
    await browser?.close();
  });

  const card = (id: string) => page.locator(`article[data-app="${id}"]`);

  it('shows a card per app whose link goes to the app: another port on localhost, or this atlas’ own page', async () => {
    const links = await page
      .locator('article.app-card h2 a')
      .evaluateAll((anchors) => anchors.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual([
      ['Text classification', 'http://localhost:3001'],
      ['Image attention', 'http://localhost:3002'],
      ['Recommendation', 'http://localhost:3003'],
      ['Compare domains', '/compare'],
      ['Open a file', '/open'],
      ['Formula playground', '/playground'],
    ]);
    await expect(card('image-attention').textContent()).resolves.toContain('must be running (pnpm dev starts them all)');
    const nav = await page
      .getByRole('navigation', { name: 'Atlas' })
      .getByRole('link')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(nav).toEqual(['/', '/compare', '/open', '/playground']);
  });

  it('draws each domain’s live readout row: token heat, a patch grid and a history strip', async () => {
    const drawings = { 'text-classification': 'readout-text', 'image-attention': 'readout-image', recommendation: 'readout-recsys' };
    for (const [app, view] of Object.entries(drawings)) {
      const thumbnail = card(app).locator('[data-testid="thumbnail"], [data-testid="thumbnail-error"]').first();
      await thumbnail.waitFor({ timeout: 60_000 });
      if ((await thumbnail.getAttribute('data-testid')) === 'thumbnail-error') throw new Error(`${app}: ${await thumbnail.textContent()}`);
      await expect(card(app).locator(`svg[data-attn-view="${view}"]`).count()).resolves.toBe(1);
    }
    await expect(card('text-classification').locator('svg title').first().textContent()).resolves.toMatch(/^\[CLS\]: \d\.\d{3}/);
    await expect(card('image-attention').locator('rect[data-patch]').count()).resolves.toBe(16);
    expect(await card('recommendation').locator('figcaption').textContent()).toMatch(
      /on user 1 → .+; from .+\(\d{4}\) · last layer \(1\), mean of heads/,
    );
    expect(await card('recommendation').locator('rect[data-item]').count()).toBeGreaterThan(1);
    for (const app of ['compare', 'open', 'playground']) await expect(card(app).locator('svg').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="thumbnail-loading"]').count()).resolves.toBe(0);
    await saveReadmeScreenshot(page, 'atlas-landing');
    expect(pageErrors).toEqual([]);
  });
});
