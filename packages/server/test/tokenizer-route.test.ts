// GET /api/tokenizer on a folder with tokenizer files, one without and an unknown model: the files as they
// lie in the folder, 503 naming the model where they are missing, 404 naming the served models.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idsDomain } from '@attn/core/test-support';
import { tokenizerRoute, type TokenizerFilesBody } from '../src/index.ts';

const GET = tokenizerRoute({
  models: [
    { id: 'worded', domain: idsDomain },
    { id: 'bare', domain: idsDomain },
  ],
});
const get = (query: string) => GET(new Request(`http://localhost/api/tokenizer${query}`));
const TOKENIZER = { version: '1.0', model: { type: 'WordPiece', vocab: { '[UNK]': 0 } } };
const CONFIG = { tokenizer_class: 'BertTokenizer', model_max_length: 8 };

const saved = process.env.ATTN_MODELS_DIR;
beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'attn-server-tokenizer-'));
  mkdirSync(join(root, 'worded'));
  mkdirSync(join(root, 'bare'));
  writeFileSync(join(root, 'worded', 'tokenizer.json'), JSON.stringify(TOKENIZER));
  writeFileSync(join(root, 'worded', 'tokenizer_config.json'), JSON.stringify(CONFIG));
  process.env.ATTN_MODELS_DIR = root;
});
afterAll(() => {
  if (saved === undefined) delete process.env.ATTN_MODELS_DIR;
  else process.env.ATTN_MODELS_DIR = saved;
});

describe('GET /api/tokenizer', () => {
  it('answers the model’s tokenizer.json and tokenizer_config.json (the first model by default)', async () => {
    for (const query of ['?model=worded', '']) {
      const response = get(query);
      expect(response.status).toBe(200);
      expect((await response.json()) as TokenizerFilesBody).toEqual({ model: 'worded', tokenizer: TOKENIZER, config: CONFIG });
    }
  });

  it('answers 503 naming the model whose folder has no tokenizer files, 404 listing the served models for another', async () => {
    const missing = get('?model=bare');
    expect(missing.status).toBe(503);
    expect(await missing.json()).toMatchObject({
      error: { code: 'E_MODEL', field: 'model', message: expect.stringMatching(/^model: bare has no tokenizer.json/) },
    });
    const unknown = get('?model=nope');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      error: { code: 'E_MODEL', message: 'model: must be one of the served models: worded, bare' },
    });
  });
});
