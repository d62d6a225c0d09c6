// The models this app serves: the registry's shipped text models, each run by the text domain.
import { servedModelsOf } from '@attn/registry';

export const TEXT_MODELS = servedModelsOf('text');
