// A fixed, seeded, stratified train/validation/test split: each label's examples are shuffled
// with the seed and cut by the fractions, so the same seed always gives the same three sets.
import { AttentionError } from '@attn/core';
import { seededRandom, shuffled } from '../random.ts';
import type { LabelledText } from './text-dataset.ts';

export interface SplitOptions {
  seed: number;
  /** Fractions of each label for validation and test; the rest is training data. */
  validation: number;
  test: number;
}

export const DEFAULT_SPLIT: SplitOptions = { seed: 42, validation: 0.1, test: 0.1 };

export interface DataSplit<T = LabelledText> {
  train: T[];
  validation: T[];
  test: T[];
}

/** Any data set of labelled examples (texts, images): label names and examples with a label index. */
export interface LabelledDataset<T extends { label: number }> {
  labels: string[];
  examples: T[];
}

export function splitDataset<T extends { label: number } = LabelledText>(
  dataset: LabelledDataset<T>,
  options: SplitOptions = DEFAULT_SPLIT,
): DataSplit<T> {
  const { seed, validation, test } = options;
  if (!(validation >= 0 && test >= 0 && validation + test < 1)) {
    throw new AttentionError('E_INPUT', `split fractions validation=${validation} test=${test} must be ≥ 0 and sum below 1`);
  }
  const random = seededRandom(seed);
  const out: DataSplit<T> = { train: [], validation: [], test: [] };
  for (let label = 0; label < dataset.labels.length; label++) {
    const ofLabel = shuffled(
      dataset.examples.filter((example) => example.label === label),
      random,
    );
    const nTest = Math.round(ofLabel.length * test);
    const nValidation = Math.round(ofLabel.length * validation);
    out.test.push(...ofLabel.slice(0, nTest));
    out.validation.push(...ofLabel.slice(nTest, nTest + nValidation));
    out.train.push(...ofLabel.slice(nTest + nValidation));
  }
  // Interleave the labels so no split is ordered by label.
  return { train: shuffled(out.train, random), validation: shuffled(out.validation, random), test: shuffled(out.test, random) };
}
