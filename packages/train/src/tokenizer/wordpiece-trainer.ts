// Trains a WordPiece vocabulary the way Hugging Face's WordPieceTrainer does: characters first
// (`##` for non-initial ones), then repeatedly merge the most frequent adjacent pair (ties by text).
import { AttentionError } from '@attn/core';
import { normalizeBertText, preTokenizeBert } from './bert-text-rules.ts';
import { SPECIAL_TOKENS } from './special-tokens.ts';
import { CONTINUATION_PREFIX } from './wordpiece-tokenizer.ts';

export interface WordPieceTrainingOptions {
  vocabSize: number;
  /** A pair seen fewer times than this is never merged. */
  minFrequency: number;
}

interface HeapEntry {
  count: number;
  key: string;
}

/** Max-heap of pair counts with lazy deletion: stale entries are skipped when popped. */
class PairHeap {
  private readonly items: HeapEntry[] = [];
  private before(a: HeapEntry, b: HeapEntry): boolean {
    return a.count > b.count || (a.count === b.count && a.key < b.key);
  }
  push(entry: HeapEntry): void {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): HeapEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && this.before(items[l]!, items[best]!)) best = l;
        if (r < items.length && this.before(items[r]!, items[best]!)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}

function mergedSymbol(left: string, right: string): string {
  return left + (right.startsWith(CONTINUATION_PREFIX) ? right.slice(CONTINUATION_PREFIX.length) : right);
}

/** The vocabulary (special tokens first) learned from `texts`. */
export function trainWordPiece(texts: Iterable<string>, options: WordPieceTrainingOptions): string[] {
  const { vocabSize, minFrequency } = options;
  if (!Number.isInteger(vocabSize) || vocabSize <= SPECIAL_TOKENS.length) {
    throw new AttentionError('E_INPUT', `vocabSize must be an integer above ${SPECIAL_TOKENS.length}, got ${vocabSize}`);
  }
  const wordCounts = new Map<string, number>();
  for (const text of texts) {
    for (const word of preTokenizeBert(normalizeBertText(text))) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
  }
  const words = [...wordCounts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([word, count]) => ({ count, symbols: [...word].map((c, i) => (i === 0 ? c : CONTINUATION_PREFIX + c)) }));

  const alphabet = new Set<string>();
  for (const word of words) for (const symbol of word.symbols) alphabet.add(symbol);
  const vocab: string[] = [...SPECIAL_TOKENS, ...[...alphabet].sort()];
  const known = new Set(vocab);

  const pairCounts = new Map<string, number>();
  const pairWords = new Map<string, Set<number>>();
  const heap = new PairHeap();
  const addPairs = (index: number, sign: 1 | -1, changed: Set<string>): void => {
    const { symbols, count } = words[index]!;
    for (let i = 0; i + 1 < symbols.length; i++) {
      const key = `${symbols[i]} ${symbols[i + 1]}`;
      pairCounts.set(key, (pairCounts.get(key) ?? 0) + sign * count);
      if (sign > 0) {
        let set = pairWords.get(key);
        if (!set) pairWords.set(key, (set = new Set()));
        set.add(index);
      }
      changed.add(key);
    }
  };
  const initial = new Set<string>();
  words.forEach((_, index) => addPairs(index, 1, initial));
  for (const key of initial) heap.push({ key, count: pairCounts.get(key)! });

  while (vocab.length < vocabSize) {
    const top = heap.pop();
    if (!top) break;
    if (pairCounts.get(top.key) !== top.count) continue; // stale entry
    if (top.count < minFrequency) break;
    const [left, right] = top.key.split(' ') as [string, string];
    const merged = mergedSymbol(left, right);
    if (!known.has(merged)) {
      known.add(merged);
      vocab.push(merged);
    }
    const changed = new Set<string>();
    for (const index of pairWords.get(top.key) ?? []) {
      const word = words[index]!;
      addPairs(index, -1, changed);
      const next: string[] = [];
      for (let i = 0; i < word.symbols.length; i++) {
        if (i + 1 < word.symbols.length && word.symbols[i] === left && word.symbols[i + 1] === right) {
          next.push(merged);
          i++;
        } else next.push(word.symbols[i]!);
      }
      word.symbols = next;
      addPairs(index, 1, changed);
    }
    pairWords.delete(top.key);
    for (const key of changed) {
      const count = pairCounts.get(key)!;
      if (count > 0) heap.push({ key, count });
    }
  }
  return vocab;
}
