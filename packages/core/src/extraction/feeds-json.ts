// feeds.json → onnxruntime-node tensors: `{ name: { dims, type: "int64"|"float32"|"bool", data } }`,
// validated with zod; every message names the input and the bad value.
import * as ort from 'onnxruntime-node';
import { z } from 'zod';
import { AttentionError } from '../errors.ts';

const feedSchema = z
  .object({
    dims: z.array(z.number().int().nonnegative()),
    type: z.enum(['int64', 'float32', 'bool']),
    data: z.array(z.union([z.number(), z.boolean()])),
  })
  .strict();

export const feedsJsonSchema = z.record(z.string(), feedSchema);
export type FeedsJson = z.infer<typeof feedsJsonSchema>;

function tensorFromFeed(name: string, feed: z.infer<typeof feedSchema>): ort.Tensor {
  const size = feed.dims.reduce((a, b) => a * b, 1);
  if (feed.data.length !== size) {
    throw new AttentionError(
      'E_INPUT',
      `feed ${JSON.stringify(name)}: dims [${feed.dims.join(', ')}] need ${size} values, got ${feed.data.length}`,
    );
  }
  const badIndex = feed.data.findIndex((v) =>
    feed.type === 'bool'
      ? typeof v !== 'boolean' && v !== 0 && v !== 1
      : typeof v !== 'number' || !Number.isFinite(v) || (feed.type === 'int64' && !Number.isSafeInteger(v)),
  );
  if (badIndex >= 0) {
    throw new AttentionError(
      'E_INPUT',
      `feed ${JSON.stringify(name)}: data[${badIndex}] = ${JSON.stringify(feed.data[badIndex])} is not a valid ${feed.type}`,
    );
  }
  switch (feed.type) {
    case 'int64':
      return new ort.Tensor(
        'int64',
        BigInt64Array.from(feed.data, (v) => BigInt(v as number)),
        feed.dims,
      );
    case 'float32':
      return new ort.Tensor('float32', Float32Array.from(feed.data as number[]), feed.dims);
    case 'bool':
      return new ort.Tensor(
        'bool',
        Uint8Array.from(feed.data, (v) => (v ? 1 : 0)),
        feed.dims,
      );
  }
}

/** Parses a feeds.json document (already JSON-parsed) into tensors. */
export function feedsFromJson(json: unknown): Record<string, ort.Tensor> {
  const parsed = feedsJsonSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [name, ...rest] = issue.path.map(String);
    const where = name === undefined ? 'feeds.json' : `feed ${JSON.stringify(name)}${rest.length ? `.${rest.join('.')}` : ''}`;
    throw new AttentionError('E_INPUT', `${where}: ${issue.message}`);
  }
  return Object.fromEntries(Object.entries(parsed.data).map(([name, feed]) => [name, tensorFromFeed(name, feed)]));
}
