// /playground in headless Chromium: the article's example (1/3 each), live updates as an embedding is typed or stepped, tokens
// added, inline errors for empty or unreadable entries, the zero sum under linear normalisation reported, the chart exported.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { downloadFrom, openBrowserPage, PNG_SIGNATURE, saveReadmeScreenshot } from '@attn/e2e';

describe('formula playground', () => {
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    ({ browser, page, pageErrors } = await openBrowserPage(`${inject('baseUrl')}/playground`));
  });
  afterAll(async () => {
    await browser?.close();
  });

  const field = (matrix: 'embedding' | 'wa', row: number, col: number) => page.locator(`input[name="${matrix}-${row}-${col}"]`);
  const weights = (normalisation: 'linear' | 'softmax') =>
    page.locator(`[data-testid^="weight-${normalisation}-"]`).evaluateAll((cells) => cells.map((c) => c.textContent));

  it('shows the article’s example: one-hot embeddings, W_a = I, every weight 1/3, and the note on its printed output', async () => {
    await expect(field('embedding', 1, 1).inputValue()).resolves.toBe('1');
    await expect(field('wa', 2, 2).inputValue()).resolves.toBe('1');
    await expect(weights('linear')).resolves.toEqual(['0.3333', '0.3333', '0.3333']);
    await expect(weights('softmax')).resolves.toEqual(['0.3333', '0.3333', '0.3333']);
    const note = await page.getByTestId('article-note').textContent();
    expect(note).toContain('The article prints 0.37037… as its code’s output; that number follows from neither its formula nor its code.');
    await saveReadmeScreenshot(page, 'atlas-playground');
  });

  it('updates as an embedding is edited, typed or stepped with the arrow keys', async () => {
    await field('embedding', 0, 0).fill('2');
    await expect(page.getByTestId('self-score-0').textContent()).resolves.toBe('4');
    await expect(weights('linear')).resolves.toEqual(['0.6667', '0.1667', '0.1667']);
    await field('embedding', 0, 0).press('ArrowDown');
    await expect(field('embedding', 0, 0).inputValue()).resolves.toBe('1');
    await expect(weights('linear')).resolves.toEqual(['0.3333', '0.3333', '0.3333']);
    await page.getByRole('button', { name: '+ token' }).click();
    await expect(weights('linear')).resolves.toEqual(['0.3333', '0.3333', '0.3333', '0']);
    await page.getByRole('button', { name: 'Remove token e4' }).click();
    await expect(weights('linear')).resolves.toHaveLength(3);
  });

  it('marks an empty or unreadable entry inline and computes nothing until it is fixed', async () => {
    const entry = field('embedding', 1, 0);
    await entry.fill('');
    await expect(entry.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator(`[id="${await entry.getAttribute('aria-describedby')}"]`).textContent()).resolves.toBe(
      'empty: enter a number',
    );
    await expect(page.getByTestId('invalid-entries').textContent()).resolves.toContain('e2 · d1 (empty: enter a number)');
    await entry.pressSequentially('e');
    await expect(page.getByTestId('invalid-entries').textContent()).resolves.toContain('e2 · d1 (not a number)');
    await entry.fill('0');
    await expect(weights('linear')).resolves.toEqual(['0.3333', '0.3333', '0.3333']);
  });

  it('reports a zero score sum under linear normalisation while softmax still answers, and exports the chart', async () => {
    for (const d of [0, 1, 2]) await field('wa', d, d).fill('0');
    await expect(page.getByTestId('linear-undefined').textContent()).resolves.toMatch(
      /Linear normalisation is undefined .*non-zero score sum/,
    );
    await expect(weights('linear')).resolves.toEqual(['—', '—', '—']);
    await expect(weights('softmax')).resolves.toEqual(['0.3333', '0.3333', '0.3333']);
    await expect(page.locator('main').textContent()).resolves.not.toContain('NaN');
    await page.getByRole('button', { name: 'Back to the article’s example' }).click();
    const { name, bytes } = await downloadFrom(page, page.getByTestId('results').getByRole('button', { name: 'PNG' }));
    expect(name).toBe('article-playground-weights.png');
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pageErrors).toEqual([]);
  });
});
