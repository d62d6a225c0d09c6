// @attn/task-text — the text-classification AttentionTask: shipped models by id, or any local
// Hugging Face-layout BERT-family sequence-classification ONNX folder.
export { loadTextTask, type TextInput, type TextTask, type TextExplainResult } from './text-task.ts';
export { TEXT_MODELS, TEXT_LIMITS, isTextModelId, type TextModelId, type TextModelInfo } from './text-models.ts';
export { readTextModelFolder, resolveModelDir, type TextModelFolder, type AttnArchitectureBlock } from './model-folder.ts';
export { exampleKindFor, textExamples, type TextExampleKind } from './text-examples.ts';
