// GET /api/models: the shipped text models (id, title, description, examples) and the input limits.
import { modelCatalog } from '../../../src/model-catalog.ts';

export const runtime = 'nodejs';

export function GET(): Response {
  return Response.json(modelCatalog());
}
