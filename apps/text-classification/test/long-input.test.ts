// The text page's long-input rule: which inputs start from a top-k summary, the k that keeps the summary under its
// budget, and the attention layout read from a served model's config.json.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textDomain } from '@attn/task-text';
import { attentionLayoutOf } from '../src/attention-layout.ts';
import { FIRST_PAINT_BYTES, SUMMARY_ATTENTION_BYTES, denseAttentionBytes, summaryFirst, summaryTopK } from '../src/long-input.ts';
import { TEXT_MODELS } from '../src/text-models.ts';

const bertBase = { layers: 12, heads: 12 };

describe('summaryFirst', () => {
  it('sends the shipped models’ attention whole and a BERT-base-sized model’s long inputs as a summary first', () => {
    expect(summaryFirst({ layers: 2, heads: 4 }, 64)).toBe(false);
    expect(summaryFirst({ layers: 2, heads: 4 }, 96)).toBe(false);
    expect(summaryFirst(bertBase, 40)).toBe(false);
    expect(summaryFirst(bertBase, 52)).toBe(true);
    expect(summaryFirst(bertBase, 512)).toBe(true);
    expect(summaryFirst(undefined, 512)).toBe(false);
    expect(denseAttentionBytes(bertBase, 512)).toBeGreaterThan(100 * FIRST_PAINT_BYTES);
  });
});

describe('summaryTopK', () => {
  it('keeps the uint8 values and uint16 indices in base64 within the summary budget, at least one key a row', () => {
    for (const tokens of [52, 128, 256, 512]) {
      const k = summaryTopK(bertBase, tokens);
      expect(k).toBeGreaterThanOrEqual(1);
      expect(12 * 12 * tokens * k * 4).toBeLessThanOrEqual(SUMMARY_ATTENTION_BYTES);
    }
    expect(summaryTopK(bertBase, 512)).toBe(5);
    expect(summaryTopK({ layers: 1000, heads: 100 }, 512)).toBe(1);
  });
});

describe('attentionLayoutOf', () => {
  it('reads Hugging Face’s num_hidden_layers / num_attention_heads, else attn.layers / attn.heads, else nothing', () => {
    const root = mkdtempSync(join(tmpdir(), 'attn-layout-'));
    const folder = (name: string, config: unknown) => {
      mkdirSync(join(root, name));
      if (config !== undefined) writeFileSync(join(root, name, 'config.json'), JSON.stringify(config));
      return { id: name, domain: textDomain, dir: join(root, name) };
    };
    expect(attentionLayoutOf(folder('hf', { num_hidden_layers: 12, num_attention_heads: 12 }))).toEqual(bertBase);
    expect(attentionLayoutOf(folder('attn', { attn: { layers: 2, heads: 4 } }))).toEqual({ layers: 2, heads: 4 });
    expect(attentionLayoutOf(folder('none', {}))).toBeUndefined();
    expect(attentionLayoutOf(folder('missing', undefined))).toBeUndefined();
    expect(attentionLayoutOf(TEXT_MODELS.find((m) => m.id === 'text-sentiment')!)).toEqual({ layers: 2, heads: 4 });
  });
});
