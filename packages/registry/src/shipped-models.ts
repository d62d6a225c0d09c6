// The shipped models of every domain, as plain data: id, domain, title and description. Apps list
// them in the browser, the CLI trains and evaluates them by id, and the atlas compares them.

export interface ShippedModel {
  /** Folder name under models/ and the id every command and route takes. */
  id: string;
  /** Name of the Domain that runs it (see domains.ts). */
  domain: string;
  /** Short name for menus. */
  title: string;
  /** One sentence: what the model is and what it was trained on (pages and model cards). */
  description: string;
}

export const SHIPPED_MODELS: readonly ShippedModel[] = [
  {
    id: 'text-sentiment',
    domain: 'text',
    title: 'Sentiment (transformer)',
    description: 'Small transformer encoder trained on rt-polarity movie-review snippets; [CLS] pooling, positive vs negative.',
  },
  {
    id: 'text-sentiment-seed',
    domain: 'text',
    title: 'Sentiment (article attention pooling)',
    description:
      "The source article's model: embeddings, bilinear self-score attention pooling softmax(eᵢᵀ·W_a·eᵢ), then a linear classifier; trained on rt-polarity.",
  },
  {
    id: 'text-spam',
    domain: 'text',
    title: 'SMS spam (transformer)',
    description: 'Small transformer encoder trained on the SMS Spam Collection; spam vs ham.',
  },
  {
    id: 'image-digits',
    domain: 'image',
    title: 'Digits (vision transformer)',
    description: 'Small vision transformer trained here on 28 × 28 MNIST digits (7 × 7 patches, a [CLS] token); digits 0–9.',
  },
  {
    id: 'image-digits-clutter',
    domain: 'image',
    title: 'Digits in clutter (vision transformer)',
    description:
      'Small vision transformer trained here to find and read one MNIST digit placed anywhere on a 64 × 64 canvas strewn with fragments of other digits.',
  },
  {
    id: 'recsys-movielens',
    domain: 'recsys',
    title: 'MovieLens next movie (SASRec)',
    description:
      'SASRec-style causal self-attention recommender trained here on MovieLens ml-latest-small histories; scores every movie as the next one after the history.',
  },
];

/** The shipped model with this id, or undefined. */
export function shippedModel(id: string): ShippedModel | undefined {
  return SHIPPED_MODELS.find((model) => model.id === id);
}

/** The shipped models of one domain, in registry order. */
export function shippedModelsOf(domain: string): ShippedModel[] {
  return SHIPPED_MODELS.filter((model) => model.domain === domain);
}
