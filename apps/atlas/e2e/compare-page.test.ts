// The compare page in a real headless Chromium on the shipped models: every domain in the table and in
// each chart, a chosen text re-runs the comparison, a bad entry is refused in the form, and a chart exports as SVG.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { downloadFrom, openBrowserPage, saveReadmeScreenshot } from '@attn/e2e';

describe('compare page', () => {
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    ({ browser, page, pageErrors } = await openBrowserPage(`${inject('baseUrl')}/compare`));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('compares every shipped model, grouped by domain, with every chart drawn', async () => {
    const report = page.getByTestId('compare-report');
    await report.waitFor({ timeout: 120_000 });
    const domains = await report.locator('[data-domain]').evaluateAll((divs) => divs.map((d) => d.getAttribute('data-domain')));
    expect(domains).toEqual(['text', 'image', 'recsys']);
    const rows = await report.locator('table.compare-table tbody th').allTextContents();
    expect(rows).toEqual([
      'text-sentiment',
      'text-sentiment-seed',
      'text-spam',
      'image-digits',
      'image-digits-clutter',
      'recsys-movielens',
    ]);
    for (const title of ['Head entropy', 'Mean attention distance', 'Faithfulness', 'Head roles']) {
      const chart = page.locator('section.compare-chart', { has: page.getByRole('heading', { name: title, exact: true }) });
      expect(await chart.locator('svg').count(), title).toBe(1);
    }
    const faithfulness = await report.locator('table.compare-table tbody td:last-child').allTextContents();
    expect(faithfulness.join(' ')).toMatch(/drop-one Spearman .*deletion area .*drop-item Spearman/);
    expect(pageErrors).toEqual([]);
    await saveReadmeScreenshot(page, 'atlas-compare', page.getByRole('heading', { name: 'Every model, in one vocabulary' }));
  });

  it('runs a chosen text instead of the examples, and refuses a bad entry in the form', async () => {
    await page.getByLabel('Examples per model').fill('0');
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page.getByTestId('compare-form-error').textContent()).resolves.toMatch(/whole number from 1 to 16/);
    await page.getByLabel('Examples per model').fill('1');
    await page.getByLabel('Your own text for the text models (optional)').fill('free entry to win a prize, call now');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('button', { name: 'Compare' }).waitFor();
    await page.getByTestId('compare-report').waitFor({ timeout: 120_000 });
    const inputs = await page.locator('[data-domain="text"] tbody td:nth-child(2)').allTextContents();
    expect(inputs).toEqual(['1', '1', '1']);
  });

  it('exports a chart as SVG', async () => {
    const chart = page.locator('section.compare-chart', { has: page.getByRole('heading', { name: 'Head entropy', exact: true }) });
    const { name, bytes } = await downloadFrom(page, chart.getByRole('button', { name: 'SVG' }));
    expect(name).toMatch(/^atlas-compare-entropy.*\.svg$/);
    expect(bytes.toString('utf8')).toContain('<svg');
  });
});
