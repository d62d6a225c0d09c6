// The WordPiece tokenizer: training learns whole frequent words, encoding follows BERT rules,
// and @huggingface/transformers' AutoTokenizer, loading our tokenizer.json offline, gives the same ids.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { afterAll, describe, expect, it } from 'vitest';
import { modelsDir } from '@attn/core';
import { writeBertTokenizerFiles } from '@attn/task-text';
import { readTokenizer, trainWordPiece, WordPieceTokenizer, type WordPieceTokenizer as Tokenizer } from '../src/index.ts';

const CORPUS = [
  'the film is a charming , funny and moving delight .',
  'a dull , lifeless and boring film that is never funny .',
  'charming performances make the movie a moving experience !',
  "it's not boring , it's charming .",
  'Café owners sell coffee — cheap, fast... and tasty?',
];

const SAMPLES = [
  'The film is CHARMING, funny & moving!',
  "it isn't boring... it's a delight",
  'Café crème — naïve résumé',
  'unknownword xyzzy 12345 $$$',
  'call 08712460324 now!! £1.50/wk 4 free [MASK] tones',
  '  spaces\tand\nnewlines   ',
  'punctuation:"quotes" (parens) {braces} <tags> #hash @at',
  '',
];

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function autoTokenizerIds(dir: string, texts: string[]): Promise<number[][]> {
  env.allowRemoteModels = false;
  env.localModelPath = dirname(dir) + '/';
  const auto = await AutoTokenizer.from_pretrained(basename(dir), { local_files_only: true });
  return texts.map((text) => (auto(text).input_ids.tolist() as bigint[][])[0]!.map(Number));
}

function ownIds(tokenizer: Tokenizer, texts: string[]): number[][] {
  return texts.map((text) => tokenizer.encode(text).ids);
}

describe('WordPiece tokenizer', () => {
  it('learns frequent words whole and splits rare ones into ## pieces', () => {
    const vocab = trainWordPiece(CORPUS, { vocabSize: 120, minFrequency: 2 });
    const tokenizer = new WordPieceTokenizer(vocab);
    expect(vocab.slice(0, 5)).toEqual(['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']);
    expect(vocab).toContain('charming');
    const { tokens } = tokenizer.encode('Charming, boringly!');
    expect(tokens[0]).toBe('[CLS]');
    expect(tokens.at(-1)).toBe('[SEP]');
    expect(tokens).toContain('charming');
    expect(tokens.slice(3, -2).every((t) => t === 'boring' || t.startsWith('##'))).toBe(true);
    expect(tokenizer.encode('charming '.repeat(20), 6).ids).toHaveLength(6);
  });

  it('gives the same vocabulary for the same corpus', () => {
    expect(trainWordPiece(CORPUS, { vocabSize: 90, minFrequency: 1 })).toEqual(trainWordPiece(CORPUS, { vocabSize: 90, minFrequency: 1 }));
  });

  it('matches AutoTokenizer on a tokenizer trained in the test', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attn-tokenizer-'));
    tempDirs.push(dir);
    writeBertTokenizerFiles(dir, trainWordPiece(CORPUS, { vocabSize: 150, minFrequency: 1 }), 64);
    const texts = [...SAMPLES, ...CORPUS];
    expect(await autoTokenizerIds(dir, texts)).toEqual(ownIds(readTokenizer(dir), texts));
  });

  for (const id of ['text-sentiment', 'text-sentiment-seed', 'text-spam']) {
    it(`matches AutoTokenizer on the shipped ${id} tokenizer`, async () => {
      const dir = join(modelsDir(), id);
      const texts = [...SAMPLES, 'an utterly charming and hilarious film — it reminds us of our own responsibility …'];
      const own = ownIds(readTokenizer(dir), texts);
      expect(own.flat().filter((token) => token === 1).length).toBeLessThan(own.flat().length / 4);
      expect(await autoTokenizerIds(dir, texts)).toEqual(own);
    });
  }
});
