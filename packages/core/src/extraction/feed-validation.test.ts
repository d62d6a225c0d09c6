// Tests feed checks at the model boundary (unknown, missing, type, rank, fixed and shared dims)
// and feeds.json parsing, each error naming the input and what was expected vs given.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../onnx/graph-builder.ts';
import { decodeModel } from '../onnx/proto.ts';
import { graphInputSpecs, validateFeeds } from './feed-validation.ts';
import { feedsFromJson } from './feeds-json.ts';

function specs() {
  const g = new GraphBuilder('inputs');
  const ids = g.input('input_ids', 'int64', ['batch', 'sequence']);
  const mask = g.input('attention_mask', 'int64', ['batch', 'sequence']);
  const x = g.input('features', 'float32', ['batch', 3]);
  const [sum] = g.node('Add', [ids, mask]);
  g.output(sum!, 'int64', ['batch', 'sequence']);
  g.output(x, 'float32', ['batch', 3]);
  return graphInputSpecs(decodeModel(g.toBytes()));
}

const int64 = (dims: number[]) => new ort.Tensor('int64', new BigInt64Array(dims.reduce((a, b) => a * b, 1)), dims);
const float32 = (dims: number[]) => new ort.Tensor('float32', new Float32Array(dims.reduce((a, b) => a * b, 1)), dims);
const good = () => ({ input_ids: int64([1, 5]), attention_mask: int64([1, 5]), features: float32([1, 3]) });

describe('validateFeeds', () => {
  it('accepts matching feeds', () => {
    expect(() => validateFeeds(specs(), good())).not.toThrow();
  });

  it.each([
    [
      'unknown name',
      { ...good(), token_type_ids: int64([1, 5]) },
      'unknown input "token_type_ids"; the model\'s inputs are: input_ids, attention_mask, features',
    ],
    ['missing input', { input_ids: int64([1, 5]), features: float32([1, 3]) }, 'missing input "attention_mask" (int64 [batch, sequence])'],
    ['wrong type', { ...good(), features: int64([1, 3]) }, 'input "features": expected type float32, got int64'],
    ['wrong rank', { ...good(), input_ids: int64([5]) }, 'input "input_ids": expected rank 2 int64 [batch, sequence], got dims [5]'],
    [
      'fixed dim',
      { ...good(), features: float32([1, 4]) },
      'input "features": dimension 1 must be 3 (float32 [batch, 3]), got dims [1, 4]',
    ],
    [
      'shared symbolic dim',
      { ...good(), attention_mask: int64([1, 6]) },
      'input "attention_mask": dimension 1 ("sequence") is 6 but input "input_ids" has "sequence" = 5',
    ],
  ])('%s is E_INPUT', (_, feeds, message) => {
    expect(() => validateFeeds(specs(), feeds)).toThrow(message);
  });
});

describe('feedsFromJson', () => {
  it('builds int64, float32 and bool tensors', () => {
    const feeds = feedsFromJson({
      ids: { dims: [1, 2], type: 'int64', data: [101, 102] },
      x: { dims: [2], type: 'float32', data: [0.5, -1] },
      m: { dims: [2], type: 'bool', data: [true, 0] },
    });
    expect(feeds.ids!.data).toEqual(BigInt64Array.from([101n, 102n]));
    expect(feeds.x!.type).toBe('float32');
    expect(Array.from(feeds.m!.data as Uint8Array)).toEqual([1, 0]);
  });

  it.each([
    ['bad type', { ids: { dims: [1], type: 'int32', data: [1] } }, /^feed "ids"\.type: /],
    ['missing dims', { ids: { type: 'int64', data: [1] } }, /^feed "ids"\.dims: /],
    ['length mismatch', { ids: { dims: [2, 2], type: 'int64', data: [1] } }, 'feed "ids": dims [2, 2] need 4 values, got 1'],
    ['non-integer int64', { ids: { dims: [1], type: 'int64', data: [1.5] } }, 'feed "ids": data[0] = 1.5 is not a valid int64'],
    ['not an object', [1, 2], /^feeds\.json: /],
  ])('%s is E_INPUT naming the feed', (_, json, message) => {
    expect(() => feedsFromJson(json)).toThrow(message);
  });
});
