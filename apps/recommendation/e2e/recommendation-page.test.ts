// The page in a real headless Chromium (Debian's, via playwright-core): pick a user, see recommendations,
// open one and see the attention timeline beside the drop-item changes; build a history from three searched
// titles and get recommendations for it; the matrix, the exports, the keyboard and a phone-sized screen.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { downloadFrom, openBrowserPage, PNG_SIGNATURE, saveReadmeScreenshot } from '@attn/e2e';

const SCREENSHOTS = 'test-results';

describe('recommendation page', () => {
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    ({ browser, page, pageErrors } = await openBrowserPage(inject('baseUrl')));
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const recommendations = () => page.getByTestId('recommendations').getByRole('button');
  const timelineRows = () => page.getByTestId('timeline').locator('svg[data-attn-view="paired-bars"] g[data-paired-bars-row]');

  async function recommend() {
    await page.getByRole('button', { name: 'Recommend', exact: true }).click();
    await page.locator('[data-testid="recommendations"], [data-testid="explain-error"]').first().waitFor({ timeout: 45_000 });
    const failure = page.getByTestId('explain-error');
    if ((await failure.count()) > 0) throw new Error(`the page showed an error: ${await failure.textContent()}`);
  }

  it('starts with the first example user and CPU', async () => {
    await expect(page.getByRole('radio', { name: 'A MovieLens user' }).isChecked()).resolves.toBe(true);
    expect(await page.locator('select[name=user]').inputValue()).toMatch(/^\d+$/);
    await expect(page.locator('select[name=executionProvider]').inputValue()).resolves.toBe('cpu');
  });

  it('picks a user and lists ten recommendations with genres, year and scores; the top one opens', async () => {
    await recommend();
    await expect(recommendations().count()).resolves.toBe(10);
    const first = recommendations().first();
    await expect(first.getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await first.textContent()).toMatch(/^1.+\(\d{4}\).*\d+\.\d+ % · score -?\d+\.\d\d/);
    await expect(page.getByTestId('provider-used').textContent()).resolves.toBe('cpu');
  });

  it('opens another recommendation: its attention timeline beside the drop-item changes, and their agreement', async () => {
    const second = recommendations().nth(1);
    const title = (await second.locator('.title strong').textContent())!;
    await second.click();
    await expect(second.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.locator('#effects-heading').textContent()).resolves.toContain(title);
    await page.getByTestId('agreement').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('agreement').textContent()).toMatch(
      /Spearman ρ between attention and drop-item effect: (-?\d\.\d\d|undefined)/,
    );
    const rows = await timelineRows().evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label') ?? ''));
    const heatmapRows = await page.getByTestId('attention-matrix').locator('svg rect > title').count();
    expect(heatmapRows).toBe(rows.length * rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row).toMatch(/: attention \d\.\d{3}|e-\d · score change when removed [+−]?\d/);
    const weights = rows.map((row) => Number(/attention ([\d.e-]+)/.exec(row)![1]));
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 1); // each readout is rounded to 0.001
  });

  it('switches the timeline to one head, and reads rows out with the keyboard', async () => {
    await page.locator('select[name=timeline-weights]').selectOption('head');
    await page.locator('select[name=timeline-head]').selectOption('1');
    await expect(page.getByTestId('timeline').locator('svg').textContent()).resolves.toContain('head 1');
    await page.getByTestId('timeline').locator('svg').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('[data-paired-bars-readout]').textContent()).toMatch(/: attention [\d.e-]+ · score change when removed/);
  });

  it('shows the causal attention matrix for a chosen layer and head, and exports the timeline as PNG', async () => {
    await page.locator('select[name=matrix-head]').selectOption('0');
    const title = await page.getByTestId('attention-matrix').locator('svg text').first().textContent();
    expect(title).toMatch(/^layer \d+ · head 0$/);
    const card = page.locator('section', { has: page.getByTestId('timeline') });
    const { name, bytes } = await downloadFrom(page, card.getByRole('button', { name: 'PNG' }));
    expect(name).toMatch(/^recsys-movielens-user-\d+-\d+-timeline\.png$/);
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    await page.screenshot({ path: `${SCREENSHOTS}/recommendation-user.png`, fullPage: true });
    await saveReadmeScreenshot(page, 'recommendation', page.locator('main'));
  });

  it('builds a history from three searched titles (mouse and keyboard) and recommends for it', async () => {
    await page.getByRole('radio', { name: 'Your own history' }).check();
    const box = page.getByRole('combobox', { name: 'Add a movie you watched' });
    const pickByKeyboard = async (query: string, label: string) => {
      await box.fill(query);
      const option = page.getByRole('option', { name: label, exact: false });
      await option.first().waitFor();
      const labels = await page.getByRole('option').evaluateAll((items) => items.map((li) => li.querySelector('span')?.textContent ?? ''));
      for (let i = 0; i < labels.indexOf(label); i++) await box.press('ArrowDown');
      await expect(box.getAttribute('aria-activedescendant')).resolves.toMatch(/option/);
      await box.press('Enter');
    };
    await pickByKeyboard('toy story', 'Toy Story (1995)');
    await pickByKeyboard('heat', 'Heat (1995)');
    await box.fill('the matrix');
    await page.getByRole('option', { name: /^Matrix, The \(1999\)/ }).click();
    const history = page.getByRole('list', { name: 'Your history, oldest first' }).getByRole('listitem');
    await expect(history.allTextContents()).resolves.toEqual(['Toy Story (1995)×', 'Heat (1995)×', 'Matrix, The (1999)×']);
    await recommend();
    await expect(page.locator('#recommendations-heading').textContent()).resolves.toBe('Top 10 for your history');
    const ids = await recommendations().evaluateAll((buttons) => buttons.map((b) => Number(b.getAttribute('data-movie-id'))));
    expect(ids).toHaveLength(10);
    expect(ids.filter((id) => [1, 6, 2571].includes(id))).toEqual([]);
    await page.getByTestId('agreement').waitFor({ timeout: 30_000 });
    await expect(timelineRows().count()).resolves.toBe(3);
  });

  it('answers an unknown movieId with a 400 naming it, and stays readable on a 390 px screen', async () => {
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/explain', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ input: { history: [1, 99999999] } }),
      });
      return { status: response.status, body: (await response.json()) as { error: { field: string; message: string } } };
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.field).toBe('input.history.1');
    expect(answer.body.error.message).toContain('99999999');
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/recommendation-390.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
