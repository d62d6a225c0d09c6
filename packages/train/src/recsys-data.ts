// The recommender's data, as training and evaluation both read it: MovieLens, the item vocabulary
// (built from the ratings, or the model folder's), and each user's leave-one-out split as item indices.
import { buildItemVocabulary, indexUserSplits, type ItemVocabulary } from './data/item-vocabulary.ts';
import { leaveOneOut, type UserSplit } from './data/leave-one-out.ts';
import type { RecsysDataset } from './data/movielens.ts';
import type { RecsysRecipe } from './recsys-recipes.ts';

export interface RecsysData {
  dataset: RecsysDataset;
  vocabulary: ItemVocabulary;
  /** Per user, training items, validation item and test item as item indices. */
  users: UserSplit[];
  skippedUsers: number;
}

/** Loads and splits the recipe's data; `vocabulary` (a trained model's) replaces the one built from the ratings. */
export function prepareRecsysData(recipe: RecsysRecipe, vocabulary?: ItemVocabulary): RecsysData {
  const dataset = recipe.loadDataset();
  const items = vocabulary ?? buildItemVocabulary(dataset.movies, dataset.ratings);
  const split = leaveOneOut(dataset.ratings);
  return { dataset, vocabulary: items, users: indexUserSplits(split.users, items), skippedUsers: split.skippedUsers };
}
