// What a landing card runs for its domain: the domain's first served model on that model's first example
// (both from GET /api/models), or why it cannot — no model of the domain, the model unavailable, no example.
import type { ModelListEntry } from '@attn/server/api-types';

export type ThumbnailRequest = { ok: true; model: ModelListEntry; input: unknown; exampleName: string } | { ok: false; message: string };

/** `text` cut at a word boundary to at most 48 characters, ending in "…" where it was cut. */
const shorten = (text: string) => (text.length <= 48 ? text : `${text.slice(0, 48).replace(/\s+\S*$/, '')}…`);

/** A short name for an example: its `name`, else its text in quotes, else "example 1". */
export function exampleName(example: unknown): string {
  const fields = typeof example === 'object' && example !== null ? (example as Record<string, unknown>) : {};
  if (typeof fields.name === 'string') return shorten(fields.name);
  if (typeof fields.text === 'string') return `“${shorten(fields.text)}”`;
  return 'example 1';
}

export function thumbnailRequest(models: readonly ModelListEntry[], domain: string): ThumbnailRequest {
  const model = models.find((m) => m.domain === domain);
  if (!model) return { ok: false, message: `no shipped model of the ${domain} domain is served here` };
  if (model.unavailable) return { ok: false, message: `${model.id} cannot run here: ${model.unavailable}` };
  const input = model.examples[0];
  if (input === undefined) return { ok: false, message: `${model.id} lists no examples to run` };
  return { ok: true, model, input, exampleName: exampleName(input) };
}
