// The page's token count against the server: GET /api/tokenizer's files read by Hugging Face tokenizers in the page
// count exactly the tokens POST /api/explain runs (accents, digits, Japanese); truncation drops the excess; [UNK] share.
import { describe, expect, it } from 'vitest';
import { explainRouteCache, type ExplainResponseBody, type TokenizerFilesBody } from '@attn/server';
import type { TextPrediction } from '@attn/task-text';
import { POST } from '../app/api/explain/route.ts';
import { GET } from '../app/api/tokenizer/route.ts';
import { countTokens, HIGH_UNKNOWN_SHARE, textTokenizer, unknownShare } from '../src/token-count.ts';
import { TEXT_MODELS } from '../src/text-models.ts';
import { writeUntrainedModels } from './untrained-model-folders.ts';
import { withModelsDir } from '@attn/server/test-support';

const cache = explainRouteCache({ models: TEXT_MODELS, cacheName: 'text-classification' });
const explain = async (input: unknown) => {
  const response = await POST(
    new Request('http://localhost/api/explain', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'text-sentiment', input }),
    }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as ExplainResponseBody<TextPrediction>;
};

withModelsDir(writeUntrainedModels, cache);

async function pageTokenizer() {
  const response = GET(new Request('http://localhost/api/tokenizer?model=text-sentiment'));
  expect(response.status).toBe(200);
  const { tokenizer, config } = (await response.json()) as TokenizerFilesBody;
  return textTokenizer(tokenizer, config);
}

describe('the page’s token count', () => {
  it('counts what the server runs, special tokens included', async () => {
    const tokenizer = await pageTokenizer();
    for (const text of [
      'A warm, funny film.',
      'Ünïcödé café – 09061701461!!',
      '日本語の映画はとても良かった',
      'not   too\tlong\n\nbut dull',
    ]) {
      const { attention } = await explain({ text });
      expect(countTokens(tokenizer, text), text).toBe(attention.tokens?.length);
    }
  });

  it('matches the tokens truncation drops: the count over the limit is what the server reports dropped', async () => {
    const tokenizer = await pageTokenizer();
    const text = 'good film '.repeat(70);
    const { prediction, attention } = await explain({ text, truncate: true });
    expect(attention.tokens).toHaveLength(128);
    expect(prediction.droppedTokens).toBe(countTokens(tokenizer, text) - 128);
  });

  it('gives the share of [UNK] among the words, high for a script the vocabulary lacks', async () => {
    const japanese = await explain({ text: '日本語の映画はとても良かった' });
    expect(unknownShare(japanese.attention.tokens ?? [])).toBeGreaterThanOrEqual(HIGH_UNKNOWN_SHARE);
    expect(unknownShare((await explain({ text: 'a good film' })).attention.tokens ?? [])).toBe(0);
    expect(
      unknownShare([{ label: '[CLS]', special: true }, { label: 'good' }, { label: '[UNK]' }, { label: '[SEP]', special: true }]),
    ).toBe(0.5);
  });
});
