// The neuron view, attention vs drop-token effect, sentence pairs (on the untrained pair model served from ATTN_USER_MODELS),
// the URL state with its Copy link, and the side-by-side compare page, in Chromium on the shipped models (issue 19).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowserPage } from '@attn/e2e';
import { PAIR_MODEL_ID } from './pair-model-folder.ts';

const SENTIMENT_TEXT = 'a warm, funny film with a clumsy ending';

/** Chooses `model`, types `text` (and text B) and presses Explain, waiting for the result to be drawn. */
async function explain(page: Page, model: string, text: string, textB?: string): Promise<void> {
  await page.locator('select[name=model]').selectOption(model);
  await page.locator('textarea[name=text]').fill(text);
  if (textB !== undefined) await page.locator('textarea[name=textB]').fill(textB);
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/explain')),
    page.getByRole('button', { name: 'Explain', exact: true }).click(),
  ]);
  await page.locator('.results:not([aria-busy="true"])').waitFor();
  await page.getByTestId('prediction').waitFor();
}

/** The first number in an element's text. */
const number = async (page: Page, testId: string) => parseFloat((await page.getByTestId(testId).textContent()) ?? '');
/** The page's URL as the page itself sees it (replaceState is not a navigation Playwright waits for). */
const locationOf = (page: Page) => page.evaluate(() => window.location.href);

describe('analysis views of the text app', () => {
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    ({ browser, page, pageErrors } = await openBrowserPage(inject('baseUrl')));
    await explain(page, 'text-sentiment', SENTIMENT_TEXT);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('neuron view: q, k and q ⊙ k drawn, q · k × scale = the score, and its softmax weight equal to the head view’s', async () => {
    const panel = page.getByTestId('neuron-panel');
    await panel.locator('select[name=neuron-layer]').selectOption('1');
    await panel.locator('select[name=neuron-head]').selectOption('2');
    await panel.locator('select[name=neuron-query]').selectOption('0');
    await panel.locator('select[name=neuron-key]').selectOption('3');
    await page.getByTestId('neuron-weight').waitFor();
    const svg = page.getByTestId('neuron-view').locator('svg[data-attn-view="neuron-view"]');
    expect(await svg.getAttribute('aria-label')).toMatch(/^layer 1 · head 2 · \[CLS\] → /);
    expect(await svg.locator('[data-strip]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-strip')))).toEqual(['q', 'k', 'q ⊙ k']);
    const dims = await svg.locator('[data-strip="q"] > rect').count();
    expect(dims).toBe(16); // text-sentiment: d 64 over 4 heads
    expect(await svg.locator('[data-bars="q ⊙ k"] > rect').count()).toBe(dims);
    const [dot, scale, score] = [await number(page, 'neuron-dot'), await number(page, 'neuron-scale'), await number(page, 'neuron-score')];
    expect(scale).toBeCloseTo(0.25, 4);
    expect(Math.abs(dot * scale - score)).toBeLessThan(1e-3);
    const weight = await page.getByTestId('neuron-weight').textContent();
    expect(weight).toBe(await page.getByTestId('neuron-head-view-weight').textContent());
    // another pair recomputes without a new request for the same layer
    await panel.locator('select[name=neuron-key]').selectOption('1');
    expect(await page.getByTestId('neuron-weight').textContent()).toBe(await page.getByTestId('neuron-head-view-weight').textContent());
  });

  it('attention vs effect: each token’s [CLS] rollout beside its drop-token effect, Spearman ρ and the note', async () => {
    const card = page.getByTestId('token-effects');
    await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/api/perturb') && response.ok()),
      card.getByRole('button', { name: /Compute the drop-token effects/ }).click(),
    ]);
    const agreement = page.getByTestId('agreement');
    await agreement.waitFor();
    expect(await agreement.textContent()).toMatch(/Spearman ρ between attention and drop-token effect: (-?\d\.\d\d|undefined)/);
    expect(await agreement.textContent()).toMatch(/n = \d+ tokens without \[CLS\]\/\[SEP\]/);
    const tokens = await page.getByTestId('token-heat').locator('svg[data-attn-view="token-heat"] g[role="img"]').count();
    const rows = card.locator('[data-paired-bars-row]');
    expect(await rows.count()).toBe(tokens);
    expect(await rows.first().getAttribute('aria-label')).toMatch(
      /^\[CLS\]: attention [\d.]+ · fall in P\((positive|negative)\) when removed/,
    );
    expect(await card.locator('svg[data-attn-view="paired-bars"]').getAttribute('aria-label')).toContain('attention vs drop-token effect');
    expect(await card.locator('select').first().inputValue()).toBe('rollout');
    expect(await page.getByTestId('attention-note').textContent()).toMatch(/When is attention an explanation\?/);
  });

  it('sentence pairs: a Text B box only for a pair model, the A and B token lists and the A→B filter', async () => {
    await page.locator('select[name=model]').selectOption('text-sentiment');
    expect(await page.locator('textarea[name=textB]').count()).toBe(0);
    await explain(page, PAIR_MODEL_ID, 'win a prize', 'call now!');
    expect(await page.locator('.results').textContent()).toContain('win a prize ‖ call now!'); // the result names both texts
    const card = page.getByTestId('sentence-pair');
    expect(await card.getByTestId('segment-a').textContent()).toBe('[CLS] win a prize [SEP]');
    expect(await card.getByTestId('segment-b').textContent()).toBe('call now ! [SEP]');
    const labels = () => card.locator('[data-head-view-token]').evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label') ?? ''));
    expect(await labels()).toHaveLength(18);
    await card.locator('select[name=pair-filter]').selectOption('A→B');
    const filtered = await labels();
    expect(filtered.filter((l) => l.startsWith('query '))).toEqual(['query [CLS]', 'query win', 'query a', 'query prize', 'query [SEP]']);
    expect(filtered.filter((l) => l.startsWith('key '))).toEqual(['key call', 'key now', 'key !', 'key [SEP]']);
    await card.locator('select[name=pair-filter]').selectOption('B→B');
    expect((await labels()).filter((l) => l.startsWith('query '))).toEqual(['query call', 'query now', 'query !', 'query [SEP]']);
    expect(new URL(await locationOf(page)).searchParams.get('textB')).toBe('call now!');
    await expect.poll(() => page.getByTestId('token-count').textContent()).toBe('9 / 512 tokens'); // [CLS] A [SEP] B [SEP]
    const neuron = page.getByTestId('neuron-panel');
    await neuron.locator('select[name=neuron-query]').selectOption('5');
    await neuron.locator('select[name=neuron-key]').selectOption('2');
    await page.getByTestId('neuron-weight').waitFor();
    expect(await page.getByTestId('neuron-weight').textContent()).toBe(await page.getByTestId('neuron-head-view-weight').textContent());
  });

  it('keeps model, text, tab, layer, heads and weights in the URL, restores them from a link, and copies the link', async () => {
    await explain(page, 'text-spam', 'WIN a free prize, call now');
    await page.locator('select[name=token-heat-weights]').selectOption('head');
    await page.locator('select[name=token-heat-layer]').selectOption('1');
    await page.locator('select[name=token-heat-head]').selectOption('2');
    await page.locator('select[name=head-view-layer]').selectOption('1');
    const headChip = (p: Page, head: number) => p.getByTestId('head-view').getByRole('button', { name: `head ${head}`, exact: true });
    await headChip(page, 0).click();
    expect(await headChip(page, 0).getAttribute('aria-pressed')).toBe('false');
    await page.getByRole('tab', { name: 'Model view' }).click();
    await expect.poll(async () => new URL(await locationOf(page)).searchParams.get('tab')).toBe('model-view');
    const url = new URL(await locationOf(page));
    expect(url.searchParams.get('model')).toBe('text-spam');
    expect(url.searchParams.get('text')).toBe('WIN a free prize, call now');
    expect(url.searchParams.get('tab')).toBe('model-view');
    expect(url.searchParams.get('layer')).toBe('1');
    expect(url.searchParams.get('heads')).toBe('1,2,3');
    expect(url.searchParams.get('weights')).toBe('head:1:2');

    const opened = await openBrowserPage(url.href);
    try {
      const other = opened.page;
      await other.getByTestId('prediction').waitFor({ timeout: 30_000 });
      expect(await other.locator('select[name=model]').inputValue()).toBe('text-spam');
      expect(await other.locator('textarea[name=text]').inputValue()).toBe('WIN a free prize, call now');
      expect(await other.getByRole('tab', { name: 'Model view' }).getAttribute('aria-selected')).toBe('true');
      await other.getByRole('tab', { name: 'Head view' }).click();
      expect(await other.locator('select[name=head-view-layer]').inputValue()).toBe('1');
      expect(await Promise.all([0, 1].map((h) => headChip(other, h).getAttribute('aria-pressed')))).toEqual(['false', 'true']);
      expect(await other.locator('select[name=token-heat-weights]').inputValue()).toBe('head');
      expect(await other.locator('select[name=token-heat-layer]').inputValue()).toBe('1');
      expect(await other.locator('select[name=token-heat-head]').inputValue()).toBe('2');
      expect(opened.pageErrors).toEqual([]);
    } finally {
      await opened.browser.close();
    }

    await page.getByRole('button', { name: 'Copy link' }).click();
    const bar = page.getByTestId('share-bar');
    await bar.getByText(/Link copied|Copy this link/).waitFor();
    if ((await bar.getByTestId('share-url').count()) > 0) {
      expect(await bar.getByTestId('share-url').inputValue()).toBe(url.href);
    } else {
      await page.context().grantPermissions(['clipboard-read'], { origin: url.origin });
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url.href);
    }
  });

  it('compares two models on one text, and one model on two texts, side by side', async () => {
    const base = inject('baseUrl');
    await page.goto(`${base}/compare?mode=models&a=text-sentiment&b=text-spam&text=${encodeURIComponent('a free prize of a film')}`);
    for (const side of ['A', 'B']) await page.getByTestId(`compare-column-${side}`).getByTestId('prediction').waitFor({ timeout: 30_000 });
    const [a, b] = [await page.getByTestId('compare-column-A').boundingBox(), await page.getByTestId('compare-column-B').boundingBox()];
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1); // two columns, B right of A
    const rightEdges = (side: string) =>
      page
        .getByTestId(`compare-column-${side}`)
        .locator('.card, .card dd')
        .evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().right));
    expect(Math.max(...(await rightEdges('A')))).toBeLessThanOrEqual(b!.x); // A's cards and their facts stay in their column
    expect(Math.max(...(await rightEdges('B')))).toBeLessThanOrEqual(b!.x + b!.width + 0.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await page.getByTestId('compare-column-A').locator('h2').first().textContent()).toMatch(/^A: .*sentiment/i);
    expect(await page.getByTestId('compare-column-B').locator('h2').first().textContent()).toMatch(/^B: .*spam/i);
    const ids = await page.locator('[id]').evaluateAll((elements) => elements.map((e) => e.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]); // two of each card, no id twice

    await page.locator('select[name=compare-mode]').selectOption('inputs');
    await page.locator('textarea[name=text]').fill('a great film');
    await page.locator('textarea[name=text2]').fill('a dull film');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.getByTestId('compare-text-B').getByText('“a dull film”').waitFor();
    for (const side of ['A', 'B']) await page.getByTestId(`compare-column-${side}`).getByTestId('prediction').waitFor({ timeout: 30_000 });
    const query = new URL(await locationOf(page)).searchParams;
    expect([query.get('mode'), query.get('a'), query.get('text'), query.get('text2')]).toEqual([
      'inputs',
      'text-sentiment',
      'a great film',
      'a dull film',
    ]);
    expect(pageErrors).toEqual([]);
  });
});
