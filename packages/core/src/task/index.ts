// @attn/core task layer: the AttentionTask contract, the Domain a task is built from, the model-folder
// reader, input checks that name the field, the class-prediction helper, drop-one faithfulness and createAttentionTask.
export * from './attention-task.ts';
export * from './domain.ts';
export * from './model-folder.ts';
export * from './input-check.ts';
export * from './class-prediction.ts';
export * from './sequence-feeds.ts';
export * from './drop-one-faithfulness.ts';
export * from './create-attention-task.ts';
export * from './view-models.ts';
