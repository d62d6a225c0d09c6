// The interactive page: model and provider menus, the image source, the loading and error states, and for
// a result the prediction, the attention overlays, the deletion curve and the heads' attention distances.
// Defaults: the first model on CPU, its first example explained on arrival.
'use client';
import { useEffect, useMemo, useState } from 'react';
import type { ImageDeletionCurve, ImagePrediction } from '@attn/task-image';
import type { ImageInput } from '@attn/task-image/input';
import { ModelSelect, PredictionCard, ProviderSelect, useExplain, usePostJson, type ExplainRequestBody } from '@attn/viz';
import type { ImageModelEntry } from '../src/image-model-entry.ts';
import { modelInputDataUrl } from '../src/model-input-picture.ts';
import { AttentionDistancePanel } from './attention-distance-panel.tsx';
import { AttentionOverlayPanel } from './attention-overlay-panel.tsx';
import { DeletionPanel } from './deletion-panel.tsx';
import { ImageSourcePicker } from './image-source-picker.tsx';

export interface ImageExplorerProps {
  models: ImageModelEntry[];
  providers: string[];
}

export function ImageExplorer({ models, providers }: ImageExplorerProps) {
  const [modelId, setModelId] = useState(models[0]?.id ?? '');
  const [provider, setProvider] = useState('cpu');
  const [input, setInput] = useState<ImageInput | null>(null);
  const { state, explain } = useExplain<ImagePrediction>();
  const deletion = usePostJson<ExplainRequestBody, ImageDeletionCurve, ImageDeletionCurve>('/api/deletion', (curve) => curve);
  const model = models.find((m) => m.id === modelId);

  const submit = (next: ImageInput, id = modelId) => {
    setInput(next);
    deletion.reset();
    void explain({ model: id, input: next, executionProvider: provider, fallback: true });
  };
  const changeModel = (id: string) => {
    setModelId(id);
    const first = models.find((m) => m.id === id)?.examples[0];
    if (first) submit(first, id);
  };

  useEffect(() => {
    const first = models[0]?.examples[0];
    if (first) submit(first);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once, on arrival

  const view = state.status === 'done' ? state.view : null;
  useEffect(() => {
    if (view) void deletion.post(view.request);
  }, [view]); // eslint-disable-line react-hooks/exhaustive-deps -- one deletion curve per result

  const picture = useMemo(() => (view ? modelInputDataUrl(view.body.prediction.modelInput) : ''), [view]);
  const shownInput = view ? (view.request.input as ImageInput) : null;
  const fileBase = view ? view.body.model : modelId;

  return (
    <div className="explorer">
      <section className="card explain-form" aria-label="Choose an image">
        <div className="form-row">
          <ModelSelect models={models} value={modelId} onChange={changeModel} />
          <ProviderSelect providers={providers} value={provider} onChange={setProvider} />
        </div>
        {model ? <p className="model-description">{model.description}</p> : null}
        {model?.unavailable ? <p className="alert">{model.unavailable}</p> : null}
        <ImageSourcePicker model={model} busy={state.status === 'loading'} chosenImage={input?.image} onSubmit={(next) => submit(next)} />
      </section>
      <div aria-live="polite" className="status-line">
        {state.status === 'loading' ? <p className="loading">Running the model (the first request also loads it)…</p> : null}
      </div>
      {state.status === 'error' ? (
        <div role="alert" className="alert" data-testid="explain-error">
          <strong>Could not explain this image.</strong> {state.message}
        </div>
      ) : null}
      {view && shownInput ? (
        <div className="results" key={`${view.body.model}-${view.roundTripMs}`}>
          <PredictionCard view={view} preprocessLabel="decode and resize" positionName="patch" />
          {shownInput.label !== undefined ? (
            <p className="hint" data-testid="true-label">
              {shownInput.name ?? 'This example'}: true label <strong>{shownInput.label}</strong>
              {shownInput.label === view.body.prediction.label ? ' — predicted right.' : ` — predicted ${view.body.prediction.label}.`}
            </p>
          ) : null}
          <AttentionOverlayPanel
            maps={view.maps}
            pictureHref={picture}
            imageSize={view.body.prediction.modelInput.width}
            box={shownInput.box}
            fileBase={fileBase}
          />
          <DeletionPanel state={deletion.state} fileBase={fileBase} />
          <AttentionDistancePanel maps={view.maps} fileBase={fileBase} />
        </div>
      ) : null}
    </div>
  );
}
