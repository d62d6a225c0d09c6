// The shipped text models (folders under models/) and the input limits every text model enforces.
// Plain data with no native imports, so apps can show the list and the limits in the browser.

export type TextModelId = 'text-sentiment' | 'text-sentiment-seed' | 'text-spam';

export interface TextModelInfo {
  id: TextModelId;
  title: string;
  description: string;
}

export const TEXT_MODELS: readonly TextModelInfo[] = [
  {
    id: 'text-sentiment',
    title: 'Sentiment (transformer)',
    description: 'Small transformer encoder trained on rt-polarity movie-review snippets; [CLS] pooling, positive vs negative.',
  },
  {
    id: 'text-sentiment-seed',
    title: 'Sentiment (article attention pooling)',
    description:
      "The source article's model: embeddings, bilinear self-score attention pooling softmax(eᵢᵀ·W_a·eᵢ), then a linear classifier; trained on rt-polarity.",
  },
  {
    id: 'text-spam',
    title: 'SMS spam (transformer)',
    description: 'Small transformer encoder trained on the SMS Spam Collection; spam vs ham.',
  },
];

/** Inputs above these are refused before they reach a model. */
export const TEXT_LIMITS = { maxCharacters: 1000, maxTokens: 128 } as const;

/** True when `id` names a shipped text model. */
export function isTextModelId(id: string): id is TextModelId {
  return TEXT_MODELS.some((model) => model.id === id);
}
