// zod schema of the attn-maps/v1 JSON document, as written to disk or sent over HTTP.
// The schema checks structure; serialize.ts checks payload lengths, key indices and probability rows.
import { z } from 'zod';

// The apps' Content-Security-Policy refuses eval, which zod's compiled object parser probes for: without this, the
// browser logs a refused `Function("")` on every page that reads attention.
z.config({ jitless: true });

const positiveInt = z.number().int().positive();

export const attentionTokenSchema = z.object({
  label: z.string(),
  row: z.number().int().nonnegative().optional(),
  col: z.number().int().nonnegative().optional(),
  id: z.union([z.string(), z.number()]).optional(),
  title: z.string().optional(),
  special: z.boolean().optional(),
  segment: z.number().int().nonnegative().optional(),
});

export const attentionLayerJsonSchema = z
  .object({
    name: z.string().min(1),
    kind: z.enum(['self', 'cross', 'pooling']),
    shape: z.tuple([positiveInt, positiveInt, positiveInt, positiveInt]),
    data: z.array(z.number()).optional(),
    dataBase64: z.string().optional(),
    dtype: z.enum(['float32', 'float16', 'uint8']).optional(),
    /** Only each query row's topK largest probabilities are kept (the others are 0). */
    topK: positiveInt.optional(),
    /** Sparse top-k layers: the key index of each value, [B, H, Q, topK]; base64 of uint16 LE (uint32 LE past 65,536 keys). */
    indices: z.array(z.number().int().nonnegative()).optional(),
    indicesBase64: z.string().optional(),
  })
  .refine((layer) => (layer.data === undefined) !== (layer.dataBase64 === undefined), {
    message: 'a layer needs exactly one of "data" or "dataBase64"',
  })
  .refine((layer) => layer.indices === undefined || layer.indicesBase64 === undefined, {
    message: 'a layer has at most one of "indices" or "indicesBase64"',
  })
  .refine((layer) => layer.topK !== undefined || (layer.indices === undefined && layer.indicesBase64 === undefined), {
    message: 'a layer with key indices needs "topK"',
  })
  .refine((layer) => layer.topK === undefined || layer.topK <= layer.shape[3], {
    message: '"topK" must not exceed the keys (shape[3])',
  });

/** Self-attention documents carry `tokens`; documents whose queries and keys differ carry `queryTokens` and `keyTokens`. */
export const attentionMapsJsonSchema = z
  .object({
    format: z.literal('attn-maps/v1'),
    model: z.object({
      id: z.string().min(1),
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional(),
      executionProvider: z.string().optional(),
    }),
    domain: z.string().min(1),
    tokens: z.array(attentionTokenSchema).optional(),
    queryTokens: z.array(attentionTokenSchema).optional(),
    keyTokens: z.array(attentionTokenSchema).optional(),
    readoutQuery: z.number().int().nonnegative().optional(),
    layers: z.array(attentionLayerJsonSchema),
  })
  .refine((doc) => (doc.tokens === undefined) === (doc.queryTokens !== undefined && doc.keyTokens !== undefined), {
    message: 'a document needs either "tokens" (self-attention) or both "queryTokens" and "keyTokens"',
  })
  .refine((doc) => (doc.queryTokens === undefined) === (doc.keyTokens === undefined), {
    message: '"queryTokens" and "keyTokens" go together',
  });

export type AttentionLayerJson = z.infer<typeof attentionLayerJsonSchema>;
export type AttentionMapsJson = z.infer<typeof attentionMapsJsonSchema>;
