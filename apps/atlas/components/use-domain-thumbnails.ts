// useDomainThumbnails: for each domain an app card shows, its first served model run on that model's first
// example through this atlas' /api/explain — loading, the error naming what failed, or the attention and prediction.
'use client';
import { useEffect, useState } from 'react';
import { parseAttentionMaps, type AttentionMaps } from '@attn/core/format';
import type { TaskPrediction } from '@attn/core';
import type { ExplainResponseBody, ModelListBody, ModelListEntry } from '@attn/server/api-types';
import { postJson } from '@attn/viz';
import { ATLAS_APPS } from '../src/apps.ts';
import { readoutRow, type ReadoutRow } from '../src/readout-row.ts';
import { thumbnailRequest } from '../src/thumbnail-request.ts';

export type ThumbnailState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; model: ModelListEntry; exampleName: string; prediction: TaskPrediction; maps: AttentionMaps; row: ReadoutRow };

/** The domains of the app cards, in card order. */
const CARD_DOMAINS = ATLAS_APPS.flatMap((app) => (app.domain ? [app.domain] : []));

const failure = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function modelList(signal: AbortSignal): Promise<ModelListEntry[]> {
  const response = await fetch('/api/models', { signal });
  if (!response.ok) throw new Error(`GET /api/models answered ${response.status} ${response.statusText}`);
  return ((await response.json()) as ModelListBody).models;
}

async function domainThumbnail(models: readonly ModelListEntry[], domain: string, signal: AbortSignal): Promise<ThumbnailState> {
  const request = thumbnailRequest(models, domain);
  if (!request.ok) return { status: 'error', message: request.message };
  const answer = await postJson<ExplainResponseBody>('/api/explain', { model: request.model.id, input: request.input }, signal);
  if (!answer.ok) return { status: 'error', message: `${request.model.id}: ${answer.message}` };
  const maps = parseAttentionMaps(answer.body.attention);
  return {
    status: 'done',
    model: request.model,
    exampleName: request.exampleName,
    prediction: answer.body.prediction,
    maps,
    row: readoutRow(maps),
  };
}

export function useDomainThumbnails(): Readonly<Record<string, ThumbnailState>> {
  const [states, setStates] = useState<Record<string, ThumbnailState>>(() =>
    Object.fromEntries(CARD_DOMAINS.map((domain) => [domain, { status: 'loading' }])),
  );
  useEffect(() => {
    const controller = new AbortController();
    const settle = (domain: string, state: ThumbnailState) => {
      if (!controller.signal.aborted) setStates((previous) => ({ ...previous, [domain]: state }));
    };
    const load = async () => {
      let models: ModelListEntry[];
      try {
        models = await modelList(controller.signal);
      } catch (error) {
        for (const domain of CARD_DOMAINS)
          settle(domain, { status: 'error', message: `the model list could not be read: ${failure(error)}` });
        return;
      }
      await Promise.all(
        CARD_DOMAINS.map(async (domain) => {
          try {
            settle(domain, await domainThumbnail(models, domain, controller.signal));
          } catch (error) {
            settle(domain, { status: 'error', message: `the request failed: ${failure(error)}` });
          }
        }),
      );
    };
    void load();
    return () => controller.abort();
  }, []);
  return states;
}
