// The registry's shipped models and train's recipes are the same list: every shipped model can be
// rebuilt with `attn train <id>`, and no recipe trains a model the registry does not ship.
import { describe, expect, it } from 'vitest';
import { SHIPPED_MODELS } from '@attn/registry/models';
import { recipeIds } from '../src/index.ts';

describe('shipped models and recipes', () => {
  it('name the same models', () => {
    expect([...recipeIds()].sort()).toEqual(SHIPPED_MODELS.map((model) => model.id).sort());
  });
});
