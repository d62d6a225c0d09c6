// The page's shareable state in the URL's query string: the model, the text (and text B), the heads card's tab, layer and heads
// shown, and the token heat's weights — written with only what differs from the defaults, read back leniently (a bad value is dropped).
import type { WeightSelection } from '@attn/viz';

export const HEAD_TABS = ['head-view', 'model-view', 'head-grid'] as const;
export type HeadTab = (typeof HEAD_TABS)[number];

export interface ShareState {
  model?: string;
  text?: string;
  textB?: string;
  tab?: HeadTab;
  layer?: number;
  /** The heads the head view shows, by index (absent: all). */
  heads?: number[];
  weights?: WeightSelection;
}

/** Longest text kept from a URL (the app's largest character limit). */
const MAX_URL_TEXT = 3072;
const MAX_INDEX = 4096;

function index(value: string | null): number | undefined {
  if (value === null || !/^\d{1,4}$/.test(value)) return undefined;
  const n = Number(value);
  return n < MAX_INDEX ? n : undefined;
}

/** "rollout", "mean:L" or "head:L:H". */
export function weightsParam(selection: WeightSelection): string {
  if (selection.mode === 'rollout') return 'rollout';
  return selection.mode === 'mean' ? `mean:${selection.layer}` : `head:${selection.layer}:${selection.head}`;
}

export function parseWeightsParam(value: string | null): WeightSelection | undefined {
  if (value === 'rollout') return { mode: 'rollout' };
  const [mode, layerText = null, headText = null, ...rest] = (value ?? '').split(':');
  const layer = index(layerText);
  if (rest.length > 0 || layer === undefined) return undefined;
  if (mode === 'mean' && headText === null) return { mode: 'mean', layer };
  const head = index(headText);
  return mode === 'head' && head !== undefined ? { mode: 'head', layer, head } : undefined;
}

export function parseShareState(search: string | URLSearchParams): ShareState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state: ShareState = {};
  const model = params.get('model');
  if (model && /^[\w.-]{1,200}$/.test(model)) state.model = model;
  const text = params.get('text');
  if (text) state.text = text.slice(0, MAX_URL_TEXT);
  const textB = params.get('textB');
  if (textB) state.textB = textB.slice(0, MAX_URL_TEXT);
  const tab = params.get('tab');
  if (tab && (HEAD_TABS as readonly string[]).includes(tab)) state.tab = tab as HeadTab;
  const layer = index(params.get('layer'));
  if (layer !== undefined) state.layer = layer;
  const heads = params.get('heads');
  if (heads !== null && /^(\d{1,4}(,\d{1,4})*)?$/.test(heads)) state.heads = heads === '' ? [] : [...new Set(heads.split(',').map(Number))];
  const weights = parseWeightsParam(params.get('weights'));
  if (weights) state.weights = weights;
  return state;
}

/** The query string (without '?') for `state`, in a fixed order. */
export function shareQuery(state: ShareState): string {
  const params = new URLSearchParams();
  if (state.model) params.set('model', state.model);
  if (state.text) params.set('text', state.text);
  if (state.textB) params.set('textB', state.textB);
  if (state.tab) params.set('tab', state.tab);
  if (state.layer !== undefined) params.set('layer', String(state.layer));
  if (state.heads) params.set('heads', state.heads.join(','));
  if (state.weights) params.set('weights', weightsParam(state.weights));
  return params.toString();
}

/** The head view's shown heads as indices, or undefined when all are shown. */
export function shownHeads(active: readonly boolean[]): number[] | undefined {
  return active.every(Boolean) ? undefined : active.flatMap((on, head) => (on ? [head] : []));
}

/** Indices back to one flag per head (out-of-range indices ignored); undefined (all) when none are given. */
export function activeHeadsOf(heads: readonly number[] | undefined, count: number): boolean[] | undefined {
  return heads ? Array.from({ length: count }, (_, h) => heads.includes(h)) : undefined;
}
