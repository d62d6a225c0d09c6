// useTokenCount: the live token count of the text (and its pair's text B) under the chosen model's tokenizer, loaded once per model
// from GET /api/tokenizer; loading and a failed load are states of their own (the server still checks the limit).
'use client';
import { useEffect, useMemo, useState } from 'react';
import type { Tokenizer } from '@huggingface/tokenizers';
import type { ApiErrorBody, TokenizerFilesBody } from '@attn/server/api-types';
import { countTokens, textTokenizer } from '../src/token-count.ts';

export type TokenCountState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; tokens: number };

const tokenizers = new Map<string, Promise<Tokenizer>>();

async function fetchTokenizer(model: string): Promise<Tokenizer> {
  const response = await fetch(`/api/tokenizer?model=${encodeURIComponent(model)}`);
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error((json as Partial<ApiErrorBody> | null)?.error?.message ?? `the server answered ${response.status}`);
  const { tokenizer, config } = json as TokenizerFilesBody;
  return textTokenizer(tokenizer, config);
}

/** The model's tokenizer, fetched once; a failed fetch is forgotten so the next use retries. */
function loadTokenizer(model: string): Promise<Tokenizer> {
  let loading = tokenizers.get(model);
  if (!loading) {
    loading = fetchTokenizer(model);
    tokenizers.set(model, loading);
    loading.catch(() => tokenizers.delete(model));
  }
  return loading;
}

type Loaded = { model: string; tokenizer: Tokenizer } | { model: string; message: string };

export function useTokenCount(model: string, text: string, textPair?: string): TokenCountState {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let current = true;
    loadTokenizer(model).then(
      (tokenizer) => current && setLoaded({ model, tokenizer }),
      (error: unknown) => current && setLoaded({ model, message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [model]);
  return useMemo((): TokenCountState => {
    if (loaded?.model !== model) return { status: 'loading' };
    if ('message' in loaded) return { status: 'error', message: loaded.message };
    return { status: 'ready', tokens: countTokens(loaded.tokenizer, text, textPair) };
  }, [loaded, model, text, textPair]);
}
