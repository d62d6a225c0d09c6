// The compare page's state in its URL: two models on one text (mode=models: a, b, text) or one model on two texts
// (mode=inputs: a, text, text2); read back leniently (a bad value is dropped, the page fills in defaults).
export const COMPARE_MODES = ['models', 'inputs'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

export interface CompareState {
  mode?: CompareMode;
  modelA?: string;
  modelB?: string;
  textA?: string;
  textB?: string;
}

const MAX_URL_TEXT = 3072;
const modelId = (value: string | null) => (value && /^[\w.-]{1,200}$/.test(value) ? value : undefined);
const text = (value: string | null) => (value ? value.slice(0, MAX_URL_TEXT) : undefined);

export function parseCompareState(search: string | URLSearchParams): CompareState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const mode = params.get('mode');
  const entries = {
    mode: (COMPARE_MODES as readonly string[]).includes(mode ?? '') ? (mode as CompareMode) : undefined,
    modelA: modelId(params.get('a')),
    modelB: modelId(params.get('b')),
    textA: text(params.get('text')),
    textB: text(params.get('text2')),
  };
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as CompareState;
}

/** The query string (without '?'), in a fixed order. */
export function compareQuery(state: CompareState): string {
  const params = new URLSearchParams();
  if (state.mode) params.set('mode', state.mode);
  if (state.modelA) params.set('a', state.modelA);
  if (state.modelB) params.set('b', state.modelB);
  if (state.textA) params.set('text', state.textA);
  if (state.textB) params.set('text2', state.textB);
  return params.toString();
}

export const isCompareMode = (value: string): value is CompareMode => (COMPARE_MODES as readonly string[]).includes(value);
