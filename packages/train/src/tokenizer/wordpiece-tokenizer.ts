// A WordPiece encoder over a trained vocabulary: BERT normalisation and pre-tokenisation, greedy
// longest-match-first pieces with `##` continuations, [CLS] … [SEP] around, truncated to maxLength.
import { AttentionError } from '@attn/core';
import { normalizeBertText, preTokenizeBert } from './bert-text-rules.ts';
import { CLS_ID, SEP_ID, SPECIAL_TOKENS, UNK_ID } from './special-tokens.ts';

export const CONTINUATION_PREFIX = '##';
const MAX_CHARACTERS_PER_WORD = 100;

export interface Encoding {
  ids: number[];
  tokens: string[];
}

export class WordPieceTokenizer {
  readonly vocab: readonly string[];
  private readonly idOf: Map<string, number>;

  constructor(vocab: readonly string[]) {
    SPECIAL_TOKENS.forEach((token, id) => {
      if (vocab[id] !== token) throw new AttentionError('E_INPUT', `vocab[${id}] must be ${token}, got ${vocab[id]}`);
    });
    this.vocab = vocab;
    this.idOf = new Map(vocab.map((token, id) => [token, id]));
  }

  get size(): number {
    return this.vocab.length;
  }

  /** The pieces of one pre-tokenised word, or [UNK] when some part has no piece. */
  wordPieces(word: string): string[] {
    const chars = [...word];
    if (chars.length > MAX_CHARACTERS_PER_WORD) return ['[UNK]'];
    const pieces: string[] = [];
    let start = 0;
    while (start < chars.length) {
      let end = chars.length;
      let found: string | undefined;
      while (start < end) {
        const piece = (start > 0 ? CONTINUATION_PREFIX : '') + chars.slice(start, end).join('');
        if (this.idOf.has(piece)) {
          found = piece;
          break;
        }
        end--;
      }
      if (found === undefined) return ['[UNK]'];
      pieces.push(found);
      start = end;
    }
    return pieces;
  }

  /** Tokens of `text` without [CLS]/[SEP]; special-token strings in the text are kept whole. */
  tokenize(text: string): string[] {
    const tokens: string[] = [];
    const specials = new RegExp(`(${SPECIAL_TOKENS.map((t) => t.replace(/[[\]]/g, '\\$&')).join('|')})`);
    for (const part of text.split(specials)) {
      if ((SPECIAL_TOKENS as readonly string[]).includes(part)) tokens.push(part);
      else for (const word of preTokenizeBert(normalizeBertText(part))) tokens.push(...this.wordPieces(word));
    }
    return tokens;
  }

  /** [CLS] tokens [SEP], truncated so the whole sequence fits in maxLength. */
  encode(text: string, maxLength = Number.POSITIVE_INFINITY): Encoding {
    const body = this.tokenize(text).slice(0, Math.max(0, maxLength - 2));
    const tokens = ['[CLS]', ...body, '[SEP]'];
    const ids = [CLS_ID, ...body.map((token) => this.idOf.get(token) ?? UNK_ID), SEP_ID];
    return { ids, tokens };
  }
}
