// /open in headless Chromium: an attn-maps/v1 file made here opens through the file input (read in a worker) with its model, domain,
// layers, heads and tokens in the shared views; attn extract's output (plain and .gz) and attn explain --json's open; a bad file shows the problem.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildTransformerClassifier } from '@attn/core';
import { serializeAttentionMaps, type AttentionLayer, type AttentionMaps } from '@attn/core/format';
import { openBrowserPage, saveReadmeScreenshot } from '@attn/e2e';

const run = promisify(execFile);
const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const TSX = join(REPO, 'node_modules', '.bin', 'tsx');
const CLI = join(REPO, 'packages', 'cli', 'src', 'bin.ts');

const WORDS = ['[CLS]', 'a', 'warm', 'funny', 'film', '[SEP]'];

/** Head h of layer l: each query attends (l + h + 1)-fold more to the key after it than to the rest. */
function layer(l: number, heads: number): AttentionLayer {
  const n = WORDS.length;
  const data = new Float32Array(heads * n * n);
  for (let h = 0; h < heads; h++) {
    for (let q = 0; q < n; q++) {
      const peak = l + h + 1;
      for (let k = 0; k < n; k++) data[(h * n + q) * n + k] = (k === (q + 1) % n ? peak : 1) / (n - 1 + peak);
    }
  }
  return { name: `encoder.layer.${l}.attention`, kind: 'self', shape: [1, heads, n, n], data };
}

const MAPS: AttentionMaps = {
  format: 'attn-maps/v1',
  model: { id: 'e2e-tiny-encoder', executionProvider: 'cpu' },
  domain: 'text',
  tokens: WORDS.map((label) => ({ label, ...(label.startsWith('[') ? { special: true } : {}) })),
  readoutQuery: 0,
  layers: [layer(0, 3), layer(1, 3)],
};

describe('open a file', () => {
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const dir = mkdtempSync(join(tmpdir(), 'attn-atlas-open-'));
  const file = (name: string, content: string) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };

  beforeAll(async () => {
    ({ browser, page, pageErrors } = await openBrowserPage(`${inject('baseUrl')}/open`));
  });
  afterAll(async () => {
    await browser?.close();
  });

  const choose = async (path: string) => {
    await page.locator('input[name="attention-file"]').setInputFiles(path);
    await page.locator('[data-testid="document"], [data-testid="file-error"]').first().waitFor();
  };

  it('opens an attn-maps/v1 file and shows what it is, where the prediction looks, the head view and the matrix', async () => {
    await choose(file('tiny-maps.json', JSON.stringify(serializeAttentionMaps(MAPS, 'float32'))));
    await expect(page.getByTestId('document-model').textContent()).resolves.toBe('e2e-tiny-encoder (ran on cpu)');
    await expect(page.getByTestId('document-domain').textContent()).resolves.toBe('text');
    await expect(page.getByTestId('document-layers').textContent()).resolves.toBe('2 (2 self)');
    await expect(page.getByTestId('document-heads').textContent()).resolves.toBe('3 per layer');
    expect(await page.getByTestId('document-tokens').textContent()).toContain('[CLS] · a · warm · funny · film · [SEP]');
    await expect(page.getByTestId('readout-heat').locator('svg').getAttribute('aria-label')).resolves.toBe(
      'from [CLS] · last layer (1), mean of heads',
    );
    await expect(page.getByTestId('head-view').locator('svg[data-attn-view="head-view"]').count()).resolves.toBe(1);
    await page.locator('select[name="heatmap-head"]').selectOption('2');
    const heatmap = page.getByTestId('heatmap').locator('svg[data-attn-view="attention-heatmap"]');
    await expect(heatmap.locator('rect > title').count()).resolves.toBe(36);
    await heatmap.focus();
    await page.keyboard.press('ArrowRight');
    // layer 0, head 2: [CLS] attends 3/8 to the next token.
    await expect(heatmap.locator('[data-heatmap-readout]').textContent()).resolves.toBe('[CLS] → a: 0.375');
    await saveReadmeScreenshot(page, 'atlas-open', page.locator('.drop-zone'));
  });

  it('opens what attn extract writes for an ONNX model, plain and gzip-compressed (--out maps.json.gz)', async () => {
    const config = { vocabSize: 16, maxLength: 8, hidden: 8, heads: 2, layers: 2, intermediate: 16, numLabels: 2, layerNormEps: 1e-5 };
    writeFileSync(join(dir, 'model.onnx'), buildTransformerClassifier(config, undefined, 5));
    const feeds = {
      input_ids: { dims: [1, 5], type: 'int64', data: [2, 7, 9, 11, 3] },
      attention_mask: { dims: [1, 5], type: 'int64', data: [1, 1, 1, 1, 1] },
    };
    file('feeds.json', JSON.stringify(feeds));
    for (const name of ['extracted.json', 'extracted.json.gz']) {
      const extracted = join(dir, name);
      await run(TSX, [CLI, 'extract', join(dir, 'model.onnx'), '--feeds', join(dir, 'feeds.json'), '--out', extracted], { cwd: REPO });
      await choose(extracted);
      await page.getByRole('heading', { name }).waitFor();
      await expect(page.getByTestId('document-layers').textContent()).resolves.toBe('2 (2 self)');
      await expect(page.getByTestId('document-heads').textContent()).resolves.toBe('2 per layer');
      await expect(page.getByTestId('head-view').locator('svg[data-attn-view="head-view"]').count()).resolves.toBe(1);
    }
  });

  it('opens the output of attn explain --json, dropped on the card, by its attention field', async () => {
    const explained = {
      prediction: { label: 'positive', scores: { positive: 0.9, negative: 0.1 } },
      attention: serializeAttentionMaps(MAPS),
      timings: {},
    };
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'explained.json', { type: 'application/json' }));
      return transfer;
    }, JSON.stringify(explained));
    await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer });
    await page.getByRole('heading', { name: 'explained.json' }).waitFor();
    await expect(page.getByTestId('document-model').textContent()).resolves.toContain('e2e-tiny-encoder');
  });

  it('names the problem of a file that is not JSON, or whose layer shape does not match its data', async () => {
    await choose(file('notes.json', 'these are my notes, not JSON'));
    expect(await page.getByTestId('file-error').textContent()).toMatch(/^notes\.json could not be opened: the file is not JSON: /);
    await expect(page.getByTestId('document').count()).resolves.toBe(0);
    const json = serializeAttentionMaps(MAPS);
    const broken = { ...json, layers: [{ ...json.layers[0]!, shape: [1, 2, 6, 6] }] };
    await choose(file('broken.json', JSON.stringify(broken)));
    await expect(page.getByTestId('file-error').textContent()).resolves.toBe(
      'broken.json could not be opened: layers.0 ("encoder.layer.0.attention"): shape [1, 2, 6, 6] needs 72 values, got 108',
    );
    expect(pageErrors).toEqual([]);
  });
});
