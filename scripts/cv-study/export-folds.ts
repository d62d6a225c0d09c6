// Token ids for the cross-validation study: the fixed split (train → validation) and 10 stratified
// folds of train + validation, each tokenised by a WordPiece vocabulary trained on its own training part.
// The test split is never written. Usage: pnpm exec tsx scripts/cv-study/export-folds.ts [OUT.json.gz]
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { splitDataset } from '../../packages/train/src/data/split.ts';
import type { LabelledText } from '../../packages/train/src/data/text-dataset.ts';
import { seededRandom, shuffled } from '../../packages/train/src/random.ts';
import { RECIPES } from '../../packages/train/src/recipes.ts';
import { trainWordPiece } from '../../packages/train/src/tokenizer/wordpiece-trainer.ts';
import { WordPieceTokenizer } from '../../packages/train/src/tokenizer/wordpiece-tokenizer.ts';
import { encodeExamples } from '../../packages/train/src/training/batches.ts';

const FOLDS = 10;
const FOLD_SEED = 7;
const recipe = RECIPES['text-sentiment']!;
const out = process.argv[2] ?? 'folds.json.gz';
if (!out.endsWith('.json.gz')) throw new Error(`OUT "${out}" must end in .json.gz`);

/** One study set: fit a tokenizer on `fit`, encode both parts as `attn train` does. */
function encodeSet(name: string, fit: LabelledText[], heldOut: LabelledText[]) {
  const vocab = trainWordPiece(
    fit.map((e) => e.text),
    recipe.tokenizer,
  );
  const tokenizer = new WordPieceTokenizer(vocab);
  console.error(`${name}: ${fit.length} fit / ${heldOut.length} held out, vocabulary ${vocab.length}`);
  return {
    name,
    vocabSize: vocab.length,
    train: encodeExamples(tokenizer, fit, recipe.maxLength),
    heldOut: encodeExamples(tokenizer, heldOut, recipe.maxLength),
  };
}

const split = splitDataset(recipe.loadDataset(), recipe.split);
const sets = [encodeSet('fixed', split.train, split.validation)];
const pool = [...split.train, ...split.validation];
const random = seededRandom(FOLD_SEED);
const foldOf = new Map<LabelledText, number>();
for (const label of [0, 1]) {
  shuffled(
    pool.filter((e) => e.label === label),
    random,
  ).forEach((e, i) => foldOf.set(e, i % FOLDS));
}
for (let fold = 0; fold < FOLDS; fold++) {
  sets.push(
    encodeSet(
      `fold${fold}`,
      pool.filter((e) => foldOf.get(e) !== fold),
      pool.filter((e) => foldOf.get(e) === fold),
    ),
  );
}
const { architecture, pretraining, training, maxLength, embeddingInitStd } = recipe;
const settings = { architecture, pretraining, training, maxLength, embeddingInitStd };
writeFileSync(out, gzipSync(JSON.stringify({ recipe: recipe.id, splitSeed: recipe.split.seed, foldSeed: FOLD_SEED, settings, sets })));
console.error(`wrote ${out}`);
