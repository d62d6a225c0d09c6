// @attn/train — data loaders, a WordPiece tokenizer trainer, tfjs classifiers that export exactly
// to the @attn/core ONNX builders, the training loop, ONNX evaluation and model cards.
export * from './data/text-dataset.ts';
export * from './data/rt-polarity.ts';
export * from './data/sms-spam.ts';
export * from './data/split.ts';
export * from './tokenizer/bert-text-rules.ts';
export * from './tokenizer/special-tokens.ts';
export * from './tokenizer/wordpiece-tokenizer.ts';
export * from './tokenizer/wordpiece-trainer.ts';
export * from './tokenizer/hf-tokenizer-files.ts';
export * from './model/tf-backend.ts';
export * from './model/embedding-lookup.ts';
export * from './model/tf-classifier.ts';
export * from './model/transformer-classifier.ts';
export * from './model/seed-classifier.ts';
export * from './model/weight-init.ts';
export * from './training/batches.ts';
export * from './training/train-loop.ts';
export * from './training/evaluate-tf.ts';
export * from './export/onnx-export.ts';
export * from './export/evaluate-onnx.ts';
export * from './export/onnx-weights.ts';
export * from './metrics.ts';
export * from './random.ts';
export * from './recipes.ts';
export * from './train-model.ts';
export * from './eval-model.ts';
