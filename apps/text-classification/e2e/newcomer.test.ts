// What a newcomer tripped on (issue 19), in Chromium on the shipped models: a result names its model and text and says
// when the form no longer matches; settings and the old result stay across Explain; the real token limit, counted
// live, with truncation; the share of [UNK]; the fallback reason inside its card; spam's token heat scaled without [CLS].
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowserPage } from '@attn/e2e';

const SENTIMENT = 'Sentiment (transformer)';
const LONG_REVIEW =
  'I went in expecting very little from this film, but the first hour surprised me with sharp writing, warm performances and a ' +
  'score that never overstays its welcome; sadly the last act collapses into noise, and the ending undoes almost everything. ' +
  'Still, the two leads are worth seeing, the photography is lovely, and I would happily watch the first half again with friends.';

describe('text-classification page, as a newcomer meets it', () => {
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const text = () => page.locator('textarea[name=text]');
  const caption = () => page.getByTestId('result-caption');
  const opacity = (locator: Locator) => locator.evaluate((element) => Number(getComputedStyle(element).opacity));
  /** Presses Explain and waits for its answer to be drawn. */
  async function explain(): Promise<void> {
    await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/api/explain')),
      page.getByRole('button', { name: 'Explain', exact: true }).click(),
    ]);
    await page.locator('.results:not([aria-busy="true"])').waitFor();
  }
  const tokenCount = async () => Number((await page.getByTestId('token-count').textContent())?.split(' / ')[0]);

  beforeAll(async () => {
    ({ browser, page, pageErrors } = await openBrowserPage(inject('baseUrl')));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('names the model and text of a result, and says it is stale, dimmed, once the model or the text changes', async () => {
    const example = await text().inputValue();
    await explain();
    await expect(caption().textContent()).resolves.toBe(`Result of ${SENTIMENT} on “${example}”`);
    await expect.poll(() => opacity(page.locator('section', { has: page.getByTestId('prediction') }))).toBe(1);
    await page.locator('select[name=model]').selectOption('text-spam');
    await expect(caption().textContent()).resolves.toMatch(
      new RegExp(`^Shown for ${SENTIMENT.replace(/[()]/g, '\\$&')} on “.+”; press Explain to update\\.$`),
    );
    // the dimming fades in (a 0.2 s transition): wait for it rather than read the first frame
    await expect.poll(() => opacity(page.locator('section', { has: page.getByTestId('prediction') }))).toBeLessThan(1);
    await page.locator('select[name=model]').selectOption('text-sentiment');
    await expect(caption().textContent()).resolves.toMatch(/^Result of/);
    await text().fill(`${example} Really.`);
    await expect(caption().textContent()).resolves.toMatch(/; press Explain to update\.$/);
  });

  it('keeps the weights, layer, head and tab across Explain, with the old result shown dimmed while the next loads', async () => {
    await page.locator('select[name=token-heat-weights]').selectOption('head');
    await page.locator('select[name=token-heat-layer]').selectOption('1');
    await page.locator('select[name=token-heat-head]').selectOption('1');
    await page.locator('select[name=head-view-layer]').selectOption('1');
    await page.getByRole('tab', { name: 'Layer × head grid' }).click();
    await page.route('**/api/explain', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/explain'));
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    await page.getByText('while the new result loads').waitFor();
    expect(await page.getByTestId('prediction').count()).toBe(1);
    // the dimming fades in (a 0.2 s transition): wait for it rather than read the first frame
    await expect.poll(() => opacity(page.locator('section', { has: page.getByTestId('prediction') }))).toBeLessThan(1);
    await answered;
    await page.unroute('**/api/explain');
    await page.locator('.results:not([aria-busy="true"])').waitFor();
    await expect(caption().textContent()).resolves.toMatch(/^Result of .* Really\.”$/);
    await expect(page.locator('select[name=token-heat-weights]').inputValue()).resolves.toBe('head');
    await expect(page.locator('select[name=token-heat-layer]').inputValue()).resolves.toBe('1');
    await expect(page.locator('select[name=token-heat-head]').inputValue()).resolves.toBe('1');
    await expect(page.getByTestId('token-heat').textContent()).resolves.toContain('layer 1 · head 1');
    await expect(page.getByRole('tab', { name: 'Layer × head grid' }).getAttribute('aria-selected')).resolves.toBe('true');
    await page.getByRole('tab', { name: 'Head view' }).click();
    await expect(page.locator('select[name=head-view-layer]').inputValue()).resolves.toBe('1');
  });

  it('counts tokens live against each model’s real limit, as the model counts them', async () => {
    await expect(page.getByTestId('token-count').textContent()).resolves.toMatch(/^\d+ \/ 64 tokens$/);
    await text().fill('A warm, funny film.');
    const counted = await tokenCount();
    await explain();
    expect(await page.getByTestId('token-heat').locator('g[role="img"]').count()).toBe(counted);
    await page.locator('select[name=model]').selectOption('text-spam');
    await page.getByTestId('token-count').filter({ hasText: '/ 96 tokens' }).waitFor();
    await page.locator('select[name=model]').selectOption('text-sentiment');
  });

  it('offers truncation to the limit: the error without it, a visible note with it', async () => {
    await text().fill(LONG_REVIEW);
    const counted = await tokenCount();
    expect(counted).toBeGreaterThan(64);
    await expect(page.getByTestId('token-limit-note').textContent()).resolves.toContain(
      `${counted - 64} tokens over this model’s limit of 64`,
    );
    await explain();
    await expect(page.getByTestId('explain-error').textContent()).resolves.toMatch(
      `input.text: is ${counted} tokens long, over the model's limit of 64 tokens`,
    );
    await page.getByLabel('Truncate to the model’s limit of 64 tokens').check();
    await explain();
    expect(await page.getByTestId('explain-error').count()).toBe(0);
    await expect(page.getByTestId('truncation-note').textContent()).resolves.toBe(
      `Truncated: the model saw the first 64 tokens; the last ${counted - 64} were dropped.`,
    );
    expect(await page.getByTestId('token-heat').locator('g[role="img"]').count()).toBe(64);
    await page.getByLabel('Truncate to the model’s limit of 64 tokens').uncheck();
  });

  it('keeps a paste over the character limit whole and says so', async () => {
    const pasted = 'wonderful '.repeat(120);
    await text().fill(pasted);
    await expect(text().inputValue()).resolves.toBe(pasted);
    await expect(page.getByTestId('character-limit-note').textContent()).resolves.toMatch(
      /^1200 characters: 200 over the limit of 1000\. Nothing has been cut/,
    );
  });

  it('shows the share of unknown word pieces and warns when it is high', async () => {
    await text().fill('この映画は本当に素晴らしかった');
    await explain();
    await expect(page.getByTestId('unknown-share').textContent()).resolves.toMatch(/^\d+ % of the word pieces are \[UNK\].*says little/);
    await text().fill('A warm, funny film.');
    await explain();
    expect(await page.getByTestId('unknown-share').count()).toBe(0);
  });

  it('scales spam’s token heat without the special tokens by default, says so on the legend, and offers the full scale', async () => {
    await page.locator('select[name=model]').selectOption('text-spam');
    await page.locator('select[name=token-heat-weights]').selectOption('rollout');
    await explain();
    const heat = page.getByTestId('token-heat');
    const legend = heat.locator('g[aria-label^="Colour scale"]');
    await expect(legend.getAttribute('aria-label')).resolves.toMatch(
      /^Colour scale: weight · scale without special tokens from 0\.0\d\d to/,
    );
    const wordFills = () =>
      heat
        .locator('g[role="img"]')
        .evaluateAll((gs) =>
          gs
            .filter((g) => !/^\[(CLS|SEP)\]/.test(g.getAttribute('aria-label') ?? ''))
            .map((g) => g.querySelector('rect')?.getAttribute('fill')),
        );
    expect(await wordFills()).toContain('#f7fbff');
    await page.getByLabel('Colour scale without special tokens').uncheck();
    await expect(legend.getAttribute('aria-label')).resolves.toMatch(/^Colour scale: attention weight from 0 to/);
    expect(await wordFills()).not.toContain('#f7fbff');
    await page.getByLabel('Colour scale without special tokens').check();
  });

  it('wraps a fallback reason inside the prediction card', async () => {
    await page.setViewportSize({ width: 800, height: 900 });
    await page.locator('select[name=executionProvider]').selectOption('tensorrt');
    await explain();
    const card = page.locator('section', { has: page.getByTestId('prediction') });
    const reason = card.locator('.skipped li').first();
    await expect(reason.textContent()).resolves.toMatch(/^tensorrt skipped: /);
    const [cardBox, reasonBox] = [await card.boundingBox(), await reason.boundingBox()];
    expect(reasonBox!.x + reasonBox!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width);
    expect(await card.evaluate((section) => section.scrollWidth <= section.clientWidth)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
