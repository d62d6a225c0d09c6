// When the text page asks for a summary first: the dense float32 attention of every layer and head would be over
// FIRST_PAINT_BYTES on the wire. Then it asks for each row's top k (k chosen to fit) in uint8, and dense heads on demand.
import type { ModelListEntry } from '@attn/server/api-types';

/** A model's attention stack: layers × heads, each [tokens, tokens]. */
export interface AttentionLayout {
  layers: number;
  heads: number;
}

/** A model list entry as the text page has it: with its attention layout where its config.json states one. */
export type TextModelEntry<Input = unknown> = ModelListEntry<Input> & { attentionLayout?: AttentionLayout };

/** The most the first paint of the head view may fetch. */
export const FIRST_PAINT_BYTES = 2_000_000;
/** What the summary's attention payload may take of it (the rest: tokens, prediction, JSON). */
export const SUMMARY_ATTENTION_BYTES = 1_600_000;
/** Base64 turns 3 bytes into 4 characters. */
const BASE64 = 4 / 3;
/** At most this many keys per row in the summary. */
export const MAX_SUMMARY_TOP_K = 16;

/** Bytes of every layer and head's dense attention at `tokens` as float32 in base64, the default answer. */
export function denseAttentionBytes(layout: AttentionLayout, tokens: number): number {
  return layout.layers * layout.heads * tokens * tokens * 4 * BASE64;
}

/** Whether the page asks for the top-k summary first: the dense answer would be over FIRST_PAINT_BYTES. */
export function summaryFirst(layout: AttentionLayout | undefined, tokens: number): boolean {
  return layout !== undefined && denseAttentionBytes(layout, tokens) > FIRST_PAINT_BYTES;
}

/** The largest k whose uint8 values and uint16 key indices (3 bytes an entry, in base64) fit SUMMARY_ATTENTION_BYTES. */
export function summaryTopK(layout: AttentionLayout, tokens: number): number {
  const rows = layout.layers * layout.heads * tokens;
  const k = Math.floor(SUMMARY_ATTENTION_BYTES / (rows * 3 * BASE64));
  return Math.max(1, Math.min(MAX_SUMMARY_TOP_K, k, tokens));
}

/** Bytes of one dense head in uint8 (base64): what opening a head fetches. */
export function denseHeadBytes(tokens: number): number {
  return tokens * tokens * BASE64;
}
