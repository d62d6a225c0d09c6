// readAttentionMapsFile: a file written a layer at a time (gzip-compressed as .gz too) reads back as parseAttentionMaps
// reads its text, and a missing file, a folder or a .gz that is not gzip is one E_INPUT line naming the path.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { attentionMapsJsonChunks, parseAttentionMaps } from '../format/serialize.ts';
import type { AttentionMaps } from '../format/types.ts';
import { readAttentionMapsFile } from './attention-maps-file.ts';

const maps: AttentionMaps = {
  format: 'attn-maps/v1',
  model: { id: 'tiny' },
  domain: 'generic',
  tokens: [],
  layers: [{ name: 'l0', kind: 'self', shape: [1, 1, 2, 2], data: Float32Array.from([0.25, 0.75, 1, 0]) }],
};

describe('readAttentionMapsFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attn-maps-file-'));

  it('reads what attentionMapsJsonChunks wrote', async () => {
    const text = [...attentionMapsJsonChunks(maps, 'uint8')].join('');
    writeFileSync(join(dir, 'maps.json'), text);
    expect(await readAttentionMapsFile(join(dir, 'maps.json'))).toEqual(parseAttentionMaps(JSON.parse(text)));
  });

  it('reads a .gz file through gunzip, and names one that is not gzip data or is cut short', async () => {
    const text = [...attentionMapsJsonChunks(maps, 'float16')].join('');
    writeFileSync(join(dir, 'maps.json.gz'), gzipSync(text));
    expect(await readAttentionMapsFile(join(dir, 'maps.json.gz'))).toEqual(parseAttentionMaps(JSON.parse(text)));
    writeFileSync(join(dir, 'plain.json.gz'), text);
    await expect(readAttentionMapsFile(join(dir, 'plain.json.gz'))).rejects.toMatchObject({
      code: 'E_INPUT',
      message: expect.stringMatching(/plain\.json\.gz: is not gzip data \(incorrect header check\)$/),
    });
    writeFileSync(join(dir, 'cut.json.gz'), gzipSync(text).subarray(0, 20));
    await expect(readAttentionMapsFile(join(dir, 'cut.json.gz'))).rejects.toMatchObject({ code: 'E_INPUT', message: /is not gzip data/ });
    await expect(readAttentionMapsFile(join(dir, 'none.json.gz'))).rejects.toMatchObject({ message: /none\.json\.gz: no such file$/ });
  });

  it('names a missing file and a folder', async () => {
    await expect(readAttentionMapsFile(join(dir, 'none.json'))).rejects.toMatchObject({
      code: 'E_INPUT',
      message: expect.stringMatching(/none\.json: no such file$/),
    });
    await expect(readAttentionMapsFile(dir)).rejects.toMatchObject({ code: 'E_INPUT', message: expect.stringMatching(/is a folder$/) });
  });
});
