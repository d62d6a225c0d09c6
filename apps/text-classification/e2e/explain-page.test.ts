// The page in a real headless Chromium (Debian's, via playwright-core): submit a sentence, see
// the prediction, the token heat and the head view drawn, enlarge a head, and export PNG and SVG.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { downloadFrom, openBrowserPage, PNG_SIGNATURE, saveReadmeScreenshot } from '@attn/e2e';

describe('text-classification page', () => {
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    ({ browser, page, pageErrors } = await openBrowserPage(inject('baseUrl')));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('starts with the sentiment model, CPU and an example sentence', async () => {
    await expect(page.locator('select[name=model]').inputValue()).resolves.toBe('text-sentiment');
    await expect(page.locator('select[name=executionProvider]').inputValue()).resolves.toBe('cpu');
    expect((await page.locator('textarea[name=text]').inputValue()).length).toBeGreaterThan(10);
  });

  it('explains a typed sentence: prediction, provider and latency', async () => {
    await page.locator('textarea[name=text]').fill('A warm, funny and beautifully acted film that never loses its way.');
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    await page.locator('[data-testid="prediction"], [data-testid="explain-error"]').first().waitFor({ timeout: 45_000 });
    const failure = page.getByTestId('explain-error');
    if ((await failure.count()) > 0) throw new Error(`the page showed an error: ${await failure.textContent()}`);
    const prediction = page.getByTestId('prediction');
    const label = (await prediction.locator('strong').textContent())?.trim() ?? '';
    const bars = page.getByRole('list', { name: 'Class probabilities' }).getByRole('listitem');
    const barLabels = await bars.evaluateAll((items) => items.map((li) => li.getAttribute('aria-label') ?? ''));
    expect(barLabels.length).toBeGreaterThanOrEqual(2);
    expect(barLabels.some((text) => text.startsWith(`${label}:`))).toBe(true);
    const total = barLabels.reduce((sum, text) => sum + Number(/([\d.]+) %$/.exec(text)?.[1] ?? NaN), 0);
    expect(total).toBeCloseTo(100, 0);
    await expect(page.getByTestId('provider-used').textContent()).resolves.toMatch(/^cpu/);
    await expect(page.getByTestId('latency').textContent()).resolves.toMatch(/\d+(\.\d)? ms on the server/);
  });

  it('draws the token heat: one shaded, titled box per token from [CLS] to [SEP]', async () => {
    const tokens = page.getByTestId('token-heat').locator('svg[data-attn-view="token-heat"] g[role="img"]');
    const names = await tokens.evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label') ?? ''));
    expect(names.length).toBeGreaterThanOrEqual(5);
    expect(names[0]).toMatch(/^\[CLS\]: \d/);
    expect(names[names.length - 1]).toMatch(/^\[SEP\]: \d/);
    const fills = await tokens.locator('rect').evaluateAll((rects) => new Set(rects.map((r) => r.getAttribute('fill'))).size);
    expect(fills).toBeGreaterThan(1);
  });

  it('draws the head view and isolates a token’s lines on focus', async () => {
    const view = page.getByTestId('head-view');
    const lines = view.locator('g[data-head-view-lines] line');
    const all = await lines.count();
    expect(all).toBeGreaterThan(0);
    await view.locator('g[data-head-view-token="query"]').first().focus();
    const focused = await lines.count();
    expect(focused).toBeGreaterThan(0);
    expect(focused).toBeLessThan(all);
    await page.getByRole('button', { name: 'head 0' }).click();
    await expect(page.getByRole('button', { name: 'head 0' }).getAttribute('aria-pressed')).resolves.toBe('false');
    await saveReadmeScreenshot(page, 'text-classification', page.getByTestId('prediction'));
  });

  it('exports the token heat as a PNG file', async () => {
    const card = page.locator('section', { has: page.getByTestId('token-heat') });
    const { name, bytes } = await downloadFrom(page, card.getByRole('button', { name: 'PNG' }));
    expect(name).toMatch(/^text-sentiment_token-heat_rollout_\d{4}-\d{2}-\d{2}\.png$/);
    expect(bytes.length).toBeGreaterThan(1000);
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  });

  it('enlarges a head from the layer × head grid and exports it as SVG', async () => {
    await page.getByRole('tab', { name: 'Layer × head grid' }).click();
    const cell = page.locator('[data-head-grid-cell="0-0"]');
    await cell.focus();
    await page.keyboard.press('Enter');
    const heatmap = page.locator('svg[data-attn-view="attention-heatmap"]');
    await heatmap.waitFor();
    expect(await heatmap.locator('rect > title').count()).toBeGreaterThan(9);
    const card = page.locator('section', { has: page.getByTestId('head-grid') });
    const svg = (await downloadFrom(page, card.getByRole('button', { name: 'SVG' }))).bytes.toString('utf8');
    expect(svg).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('data-attn-view="attention-heatmap"');
  });

  it('shows the seed model’s pooling weights as the token heat', async () => {
    await page.locator('select[name=model]').selectOption('text-sentiment-seed');
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    await page.getByText('pooling weights (pooling.softmax)').waitFor();
    const names = await page
      .getByTestId('token-heat')
      .locator('g[role="img"]')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label') ?? ''));
    const total = names.reduce((sum, name) => sum + Number(name.split(': ').pop()), 0);
    expect(total).toBeCloseTo(1, 1);
    await expect(page.getByRole('tab', { name: 'Layer × head grid' }).getAttribute('aria-selected')).resolves.toBe('true');
    await page.getByRole('tab', { name: 'Head view' }).click();
    await expect(page.getByTestId('head-view').locator('g[data-head-view-token="query"]').textContent()).resolves.toBe('pooling');
  });

  it('shows a clear error for an input over the limit and keeps working', async () => {
    await page.evaluate(() => document.querySelector('textarea[name=text]')?.removeAttribute('maxlength'));
    await page.locator('textarea[name=text]').fill('good '.repeat(300));
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    const alert = page.getByTestId('explain-error');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/text: .*1000 characters/);
    await page.locator('textarea[name=text]').fill('A dull film.');
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    await page.getByTestId('prediction').waitFor();
    expect(await alert.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
