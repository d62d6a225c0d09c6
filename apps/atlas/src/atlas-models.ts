// The models the atlas serves: every shipped model of the registry, each run by its own domain, grouped
// by domain in registry order (so each domain's first model is the one its landing card runs).
import { SHIPPED_MODELS, servedModelsOf } from '@attn/registry';
import type { ServedModel } from '@attn/server';

const SHIPPED_DOMAINS = [...new Set(SHIPPED_MODELS.map((model) => model.domain))];

export const ATLAS_MODELS: readonly ServedModel[] = SHIPPED_DOMAINS.flatMap(servedModelsOf);
