// The models this app serves: the registry's shipped recommendation models, each run by the recsys domain.
import { servedModelsOf } from '@attn/registry';

export const RECSYS_MODELS = servedModelsOf('recsys');
