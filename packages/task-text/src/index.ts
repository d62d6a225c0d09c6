// @attn/task-text — the text Domain (any Hugging Face-layout BERT-family sequence-classification
// folder), its example sentences, and the one writer of BERT tokenizer files.
export {
  loadTextTask,
  textDomain,
  textInputSchema,
  MAX_TEXT_CHARACTERS,
  MAX_TEXT_TOKENS,
  type TextInput,
  type TextPrediction,
} from './text-domain.ts';
export { exampleKindFor, textExamples, type TextExampleKind } from './text-examples.ts';
export { BERT_SPECIAL_TOKENS, bertTokenizerConfigJson, bertTokenizerJson, writeBertTokenizerFiles } from './bert-tokenizer-files.ts';
