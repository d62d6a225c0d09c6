// Example sentences for each kind of text model: sentiment, spam, or a generic set
// for a user's own folder whose labels say nothing about its task.

export type TextExampleKind = 'sentiment' | 'spam' | 'generic';

const EXAMPLES: Record<TextExampleKind, string[]> = {
  sentiment: [
    'A warm, funny and beautifully acted film that never loses its way.',
    'The plot is a mess and the jokes fall flat from start to finish.',
    'Not as bad as I expected, but the second half drags.',
    'An unforgettable performance in a story that feels completely alive.',
    'Dull, predictable and far too long.',
  ],
  spam: [
    'WINNER!! You have been selected for a £1000 cash prize. Call 09061701461 now to claim.',
    'Are we still meeting for lunch tomorrow? I can bring the notes.',
    'FREE entry in a weekly competition to win FA Cup final tickets. Text FA to 87121.',
    'Sorry, running late. Be there in ten minutes.',
    'URGENT! Your mobile number has won a bonus reward. Reply CLAIM to receive it.',
  ],
  generic: [
    'The weather was lovely, so we walked along the river.',
    'This product stopped working after two days.',
    'Please send me the report before Friday.',
    'I really enjoyed the concert last night.',
  ],
};

/** The kind of examples that fit a model: by its id, else by its label names. */
export function exampleKindFor(modelId: string, labels: readonly string[]): TextExampleKind {
  const lower = labels.map((label) => label.toLowerCase());
  if (modelId.includes('spam') || lower.includes('spam') || lower.includes('ham')) return 'spam';
  if (modelId.includes('sentiment') || lower.includes('positive') || lower.includes('negative')) return 'sentiment';
  return 'generic';
}

/** A fresh copy of the example sentences of one kind. */
export function textExamples(kind: TextExampleKind): { text: string }[] {
  return EXAMPLES[kind].map((text) => ({ text }));
}
