// Reads a WordPiece vocabulary from a model folder's tokenizer.json (written by task-text's
// writeBertTokenizerFiles, the files AutoTokenizer loads offline) back into our encoder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttentionError } from '@attn/core';
import { WordPieceTokenizer } from './wordpiece-tokenizer.ts';

/** Our encoder for the vocabulary stored in `dir/tokenizer.json`. */
export function readTokenizer(dir: string): WordPieceTokenizer {
  const path = join(dir, 'tokenizer.json');
  let parsed: { model?: { type?: string; vocab?: Record<string, number> } };
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new AttentionError('E_MODEL', `cannot read tokenizer ${path}`, { cause });
  }
  const vocabById = parsed.model?.vocab;
  if (parsed.model?.type !== 'WordPiece' || !vocabById) {
    throw new AttentionError('E_MODEL', `${path} is not a WordPiece tokenizer (model.type=${parsed.model?.type})`);
  }
  const vocab: string[] = [];
  for (const [token, id] of Object.entries(vocabById)) vocab[id] = token;
  return new WordPieceTokenizer(vocab);
}
