// The page's token count of a sentence pair: the model folder's tokenizer counts [CLS] A [SEP] B [SEP] exactly as the text
// task encodes the pair (on task-text's untrained pair test model), and one text as before.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTextTask } from '@attn/task-text';
import { buildTokenTypeClassifier, TEST_VOCAB, writeHfTextFolder } from '@attn/task-text/test-fixtures';
import { countTokens, textTokenizer } from '../src/token-count.ts';

describe('countTokens on a pair', () => {
  it('counts the tokens the pair model runs', async () => {
    const model = buildTokenTypeClassifier(TEST_VOCAB.length, 8, 2, 7);
    const config = { max_position_embeddings: 512, hidden_size: 8, type_vocab_size: 2 };
    const dir = writeHfTextFolder({ onnx: model.onnx, labels: ['no', 'yes'], config });
    const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));
    const tokenizer = textTokenizer(read('tokenizer.json'), read('tokenizer_config.json'));
    const task = await loadTextTask(dir, { executionProvider: 'cpu' });
    try {
      for (const [text, textPair] of [
        ['win a prize', 'call now!'],
        ['the movie was great', 'i loved it , not bad'],
        ['free', 'now'],
      ] as const) {
        const { attention } = await task.explain({ text, textPair });
        expect(countTokens(tokenizer, text, textPair), `${text} | ${textPair}`).toBe(attention.tokens.length);
        expect(countTokens(tokenizer, text)).toBe(attention.tokens.filter((t) => t.segment === 0).length);
      }
    } finally {
      await task.dispose();
    }
  });
});
