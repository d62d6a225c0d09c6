// Server side: the attention layout (layers × heads) a served text model's config.json states — Hugging Face's
// num_hidden_layers / num_attention_heads, or this project's attn.layers / attn.heads — for the page's long-input rule.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { servedModelDir, type ServedModel } from '@attn/server';
import type { AttentionLayout } from './long-input.ts';

const positive = (value: unknown): number | undefined => (Number.isInteger(value) && (value as number) > 0 ? (value as number) : undefined);

/** The layout `config.json` states, or undefined where it is missing, unreadable or does not say. */
export function attentionLayoutOf(model: ServedModel): AttentionLayout | undefined {
  let config: { num_hidden_layers?: unknown; num_attention_heads?: unknown; attn?: { layers?: unknown; heads?: unknown } };
  try {
    config = JSON.parse(readFileSync(join(servedModelDir(model), 'config.json'), 'utf8')) as typeof config;
  } catch {
    return undefined;
  }
  const layers = positive(config.num_hidden_layers) ?? positive(config.attn?.layers);
  const heads = positive(config.num_attention_heads) ?? positive(config.attn?.heads);
  return layers !== undefined && heads !== undefined ? { layers, heads } : undefined;
}
