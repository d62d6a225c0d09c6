// The shipped text models as the page and GET /api/models list them: id, title, description
// and example sentences (no model is loaded to list them).
import { TEXT_LIMITS, TEXT_MODELS, exampleKindFor, textExamples } from '@attn/task-text';

export interface ModelOption {
  id: string;
  title: string;
  description: string;
  examples: string[];
}

export interface ModelCatalog {
  models: ModelOption[];
  limits: { maxCharacters: number; maxTokens: number };
}

export function modelCatalog(): ModelCatalog {
  return {
    models: TEXT_MODELS.map((model) => ({
      id: model.id,
      title: model.title,
      description: model.description,
      examples: textExamples(exampleKindFor(model.id, [])).map((e) => e.text),
    })),
    limits: { maxCharacters: TEXT_LIMITS.maxCharacters, maxTokens: TEXT_LIMITS.maxTokens },
  };
}
