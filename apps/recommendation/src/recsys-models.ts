// The models this app serves: the recommendation models, each run by the recsys domain.
import { recsysDomain } from '@attn/task-recsys';

export const RECSYS_MODELS = [
  {
    id: 'recsys-movielens',
    domain: recsysDomain,
    title: 'MovieLens next movie (SASRec)',
    description: 'SASRec-style causal self-attention recommender trained on MovieLens ml-latest-small histories.',
  },
];
