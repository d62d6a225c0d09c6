// GET /api/tokenizer?model=<id>: a served model's own tokenizer files (tokenizer.json, tokenizer_config.json)
// as they lie in its folder, so a page can count tokens in the browser with the tokenizer the model runs with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TokenizerFilesBody } from './api-types.ts';
import { errorResponse, responseForError } from './error-response.ts';
import { servedModelDir, type ServedModel } from './served-model.ts';

const readJson = (dir: string, name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));

export function tokenizerRoute(options: { models: readonly ServedModel[] }): (request: Request) => Response {
  const ids = options.models.map((m) => m.id);
  return (request) => {
    const id = new URL(request.url).searchParams.get('model') ?? ids[0];
    const model = options.models.find((m) => m.id === id);
    if (!model) return errorResponse(404, 'E_MODEL', `must be one of the served models: ${ids.join(', ')}`, 'model');
    const dir = servedModelDir(model);
    try {
      const body: TokenizerFilesBody = {
        model: model.id,
        tokenizer: readJson(dir, 'tokenizer.json'),
        config: readJson(dir, 'tokenizer_config.json'),
      };
      return Response.json(body);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return errorResponse(503, 'E_MODEL', `${model.id} has no tokenizer.json and tokenizer_config.json in its folder`, 'model');
      return responseForError(error, 'GET /api/tokenizer');
    }
  };
}
