// The one sentence a model card opens with: the shipped model's description in @attn/registry, so
// cards, pages and menus describe a model in the same words.
import { AttentionError } from '@attn/core';
import { shippedModel } from '@attn/registry/models';

export function shippedModelDescription(id: string): string {
  const model = shippedModel(id);
  if (!model)
    throw new AttentionError('E_INPUT', `"${id}" is not a shipped model in @attn/registry (packages/registry/src/shipped-models.ts)`);
  return model.description;
}
