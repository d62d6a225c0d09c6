// A 512-token input to a BERT-base-sized model (12 layers × 12 heads, random weights: a fixture) in Chromium: the head
// view paints from a top-k summary under 2 MB (bytes printed), a head opens with its dense rows, hover and keys work.
// Times from the response and from the click to the paint are printed, not asserted (a benchmark is not a test).
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowserPage } from '@attn/e2e';

/** Prints a measured figure with the test's output (figures are printed, never asserted). */
const printLine = (text: string) => process.stdout.write(`${text}\n`);

const SENTENCE = 'the film is not like this one but it has more of that and all you do is be on it';
const FIRST_PAINT_BYTES = 2_000_000;
const WAIT_MS = 540_000;

/** Request and response bytes (headers and body as sent) of the requests finished while `action` ran. */
async function bytesDuring(page: Page, action: () => Promise<void>): Promise<{ total: number; requests: string[] }> {
  const finished: Request[] = [];
  const onFinished = (request: Request) => finished.push(request);
  page.on('requestfinished', onFinished);
  try {
    await action();
  } finally {
    page.off('requestfinished', onFinished);
  }
  let total = 0;
  const requests: string[] = [];
  for (const request of finished) {
    const sizes = await request.sizes();
    const bytes = sizes.requestHeadersSize + sizes.requestBodySize + sizes.responseHeadersSize + sizes.responseBodySize;
    const decoded = (await (await request.response())?.body())?.length ?? 0;
    total += bytes;
    requests.push(
      `${request.method()} ${new URL(request.url()).pathname}: ${bytes} bytes (response body ${sizes.responseBodySize} as sent, ${decoded} decoded)`,
    );
  }
  return { total, requests };
}

const markTime = (page: Page, name: string) =>
  page.evaluate((mark) => performance.getEntriesByName(mark).at(-1)?.startTime ?? Number.NaN, name);

describe('the text page on a 512-token input to a 12-layer × 12-head model', () => {
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const readout = () => page.getByTestId('head-view-canvas-readout');

  beforeAll(async () => {
    ({ browser, page, pageErrors } = await openBrowserPage(inject('baseUrl'), { width: 1200, height: 1000 }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('paints every layer and head from a summary of at most 2 MB, saying what is approximated', async () => {
    await page.locator('select[name=model]').selectOption(inject('longModelId'));
    await page.locator('textarea[name=text]').fill(Array.from({ length: 30 }, () => SENTENCE).join(' '));
    await page.locator('input[name=truncate]').check();
    await expect(page.getByTestId('long-input-rule').textContent()).resolves.toMatch(/^512 tokens × 12 layers × 12 heads is over 2\.00 MB/);
    await page.evaluate(() => document.addEventListener('click', () => performance.mark('e2e:click'), { capture: true, once: true }));
    const { total, requests } = await bytesDuring(page, async () => {
      await page.getByRole('button', { name: 'Explain', exact: true }).click();
      await page.getByTestId('long-input-progress').waitFor();
      await page.waitForFunction(() => performance.getEntriesByName('attn-long:painted').length > 0, undefined, { timeout: WAIT_MS });
    });
    const [click, response, painted] = await Promise.all(
      ['e2e:click', 'attn-long:response', 'attn-long:painted'].map((m) => markTime(page, m)),
    );
    printLine(
      [
        'long-input e2e: first paint of 12 × 12 heads at 512 tokens',
        ...requests.map((line) => `  ${line}`),
        `  bytes transferred: ${total} (${(total / 1e6).toFixed(2)} MB)`,
        `  response → paint: ${(painted! - response!).toFixed(0)} ms; click → paint: ${(painted! - click!).toFixed(0)} ms (model run and load included)`,
      ].join('\n'),
    );
    expect(requests).toHaveLength(1);
    expect(total).toBeLessThanOrEqual(FIRST_PAINT_BYTES);
    await expect(page.getByTestId('head-view-canvas').getAttribute('aria-label')).resolves.toMatch(
      /^12 layers × 12 heads, each head's 512 query rows/,
    );
    await expect(page.getByTestId('head-view-canvas').evaluate((c: HTMLCanvasElement) => [c.width, c.height])).resolves.toEqual([716, 716]);
    const note = await page.getByTestId('long-input-note').textContent();
    expect(note).toMatch(/each query row keeps its top 5 of 512 keys/);
    expect(note).toMatch(/uint8/);
    await expect(page.getByTestId('long-input-prediction').textContent()).resolves.toMatch(/^Prediction: (negative|positive)/);
    expect(pageErrors).toEqual([]);
  });

  it('paints again on a second Explain, its sessions open (times printed)', async () => {
    const { total } = await bytesDuring(page, async () => {
      await page.evaluate(() => {
        performance.clearMarks('attn-long:painted');
        document.addEventListener('click', () => performance.mark('e2e:click'), { capture: true, once: true });
      });
      await page.getByRole('button', { name: 'Explain', exact: true }).click();
      await page.waitForFunction(() => performance.getEntriesByName('attn-long:painted').length > 0, undefined, { timeout: WAIT_MS });
    });
    const [click, response, painted] = await Promise.all(
      ['e2e:click', 'attn-long:response', 'attn-long:painted'].map((m) => markTime(page, m)),
    );
    printLine(
      `long-input e2e: second Explain, sessions open: ${total} bytes; response → paint ${(painted! - response!).toFixed(0)} ms; click → paint ${(painted! - click!).toFixed(0)} ms`,
    );
    expect(total).toBeLessThanOrEqual(FIRST_PAINT_BYTES);
    expect(pageErrors).toEqual([]);
  });

  it('names the head under the pointer and the keyboard cursor, and opens a head with its dense rows', async () => {
    const canvas = page.getByTestId('head-view-canvas');
    await canvas.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(readout().textContent()).resolves.toMatch(/^Layer 1, head 2: its top 5 keys per row hold/);
    const box = (await canvas.boundingBox())!;
    const cell = box.width / 12;
    await page.mouse.move(box.x + 5.5 * cell, box.y + 3.5 * cell);
    await expect(readout().textContent()).resolves.toMatch(/^Layer 3, head 5:/);
    const { total, requests } = await bytesDuring(page, async () => {
      await page.mouse.click(box.x + 5.5 * cell, box.y + 3.5 * cell);
      await page.getByTestId('head-detail-canvas').waitFor({ timeout: WAIT_MS });
    });
    printLine(['long-input e2e: layer 3, head 5 opened', ...requests.map((line) => `  ${line}`), `  bytes: ${total}`].join('\n'));
    await expect(page.getByTestId('head-detail-canvas').getAttribute('aria-label')).resolves.toMatch(/^Layer 3, head 5: 512 query rows/);
    const detail = page.getByTestId('head-detail-readout');
    await expect(detail.textContent()).resolves.toMatch(/^Query 0 “\[CLS\]” attends most to/);
    await page.getByTestId('head-detail-canvas').focus();
    await page.keyboard.press('ArrowDown');
    await expect(detail.textContent()).resolves.toMatch(/^Query 1 “the” attends most to/);
    expect(pageErrors).toEqual([]);
  });
});
