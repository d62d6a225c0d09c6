// The interactive page: the history form, loading and error states, the recommendations, and for the
// chosen one the attention-vs-effect timeline and the causal attention matrix. Defaults: the first
// example user, CPU; the top recommendation opens as soon as the list arrives.
'use client';
import { useEffect, useState } from 'react';
import type { RecsysInput, RecsysPrediction } from '@attn/task-recsys/browser';
import { useExplain, usePerturb } from '@attn/viz';
import type { PageModel } from '../src/page-models.ts';
import { AttentionMatrixPanel } from './attention-matrix-panel.tsx';
import { EffectsPanel } from './effects-panel.tsx';
import { HistoryForm, type HistoryMode, type PickedMovie } from './history-form.tsx';
import { RecommendationList } from './recommendation-list.tsx';

export interface ExplorerProps {
  models: PageModel[];
  providers: string[];
}

export function Explorer({ models, providers }: ExplorerProps) {
  const model = models[0];
  const [mode, setMode] = useState<HistoryMode>('user');
  const [userId, setUserId] = useState(model?.users[0]?.userId);
  const [history, setHistory] = useState<PickedMovie[]>([]);
  const [provider, setProvider] = useState('cpu');
  const [candidateId, setCandidateId] = useState<number>();
  const { state, explain } = useExplain<RecsysPrediction>();
  const { state: effects, perturb, reset: resetEffects } = usePerturb<RecsysPrediction>();
  const view = state.status === 'done' ? state.view : null;

  const submit = () => {
    const input: RecsysInput = mode === 'user' ? { userId: userId! } : { history: history.map((movie) => movie.id) };
    resetEffects();
    setCandidateId(undefined);
    void explain({ model: model?.id, input, executionProvider: provider, fallback: true });
  };

  // A new list opens its top recommendation.
  useEffect(() => {
    if (view) setCandidateId(view.body.prediction.recommendations[0]?.movieId);
  }, [view]);

  // The chosen recommendation is re-scored without each history movie.
  useEffect(() => {
    if (!view || candidateId === undefined || view.maps.tokens.length < 2) return;
    const input = { ...(view.request.input as RecsysInput), candidate: candidateId, topN: 1 };
    void perturb({ ...view.request, input });
  }, [view, candidateId, perturb]);

  const candidate = view?.body.prediction.recommendations.find((movie) => movie.movieId === candidateId);
  const requestInput = view?.request.input as RecsysInput | undefined;
  const owner = requestInput?.userId !== undefined ? `user ${requestInput.userId}` : 'your history';
  const fileBase = `${view?.body.model ?? model?.id ?? 'recsys'}-${requestInput?.userId !== undefined ? `user-${requestInput.userId}` : 'history'}`;

  if (!model) return <p className="alert">This app serves no recommendation model.</p>;
  return (
    <div className="explorer">
      {model.unavailable ? <p className="alert">{model.unavailable}</p> : null}
      <HistoryForm
        model={model}
        providers={providers}
        mode={mode}
        userId={userId}
        history={history}
        provider={provider}
        busy={state.status === 'loading'}
        onModeChange={setMode}
        onUserChange={setUserId}
        onHistoryChange={setHistory}
        onProviderChange={setProvider}
        onSubmit={submit}
      />
      <div aria-live="polite" className="status-line">
        {state.status === 'loading' ? <p className="loading">Scoring every movie (the first request also loads the model)…</p> : null}
        {state.status === 'idle' ? (
          <p className="hint">Histories of up to {model.maxHistory} movies. Press Recommend to see what comes next.</p>
        ) : null}
      </div>
      {state.status === 'error' ? (
        <div role="alert" className="alert" data-testid="explain-error">
          <strong>Could not recommend for this history.</strong> {state.message}
        </div>
      ) : null}
      {view ? (
        <div className="results" key={`${view.body.model}-${view.roundTripMs}`}>
          <RecommendationList view={view} owner={owner} selected={candidateId} onSelect={setCandidateId} />
          {candidate ? (
            <EffectsPanel maps={view.maps} candidate={candidate} effects={effects} fileBase={`${fileBase}-${candidate.movieId}`} />
          ) : null}
          <AttentionMatrixPanel maps={view.maps} fileBase={fileBase} />
        </div>
      ) : null}
    </div>
  );
}
