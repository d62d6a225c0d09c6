// The token heat card: choose rollout, a layer's head mean, or one head (the seed model's pooling layer shows its
// pooling weights), whether [CLS]/[SEP] take part in the colour scale (not by default), see each token shaded, export.
'use client';
import { useRef, useState } from 'react';
import type { AttentionMaps } from '@attn/core/format';
import {
  ExportButtons,
  TokenHeat,
  WeightSelectionControls,
  defaultWeightSelection,
  describeSelection,
  effectiveWeightSelection,
  tokenWeights,
  type WeightSelection,
} from '@attn/viz';

export function TokenHeatPanel({ maps, fileBase }: { maps: AttentionMaps; fileBase: string }) {
  const [selection, setSelection] = useState<WeightSelection>(() => defaultWeightSelection(maps));
  const [scaleToContent, setScaleToContent] = useState(true);
  const viewRef = useRef<HTMLDivElement>(null);
  const effective = effectiveWeightSelection(maps, selection);

  return (
    <section className="card" aria-labelledby="token-heat-heading">
      <h2 id="token-heat-heading">Token heat</h2>
      <div className="controls">
        <WeightSelectionControls maps={maps} selection={selection} onChange={setSelection} name="token-heat" />
        <label className="checkbox">
          <input type="checkbox" name="token-heat-scale" checked={scaleToContent} onChange={(e) => setScaleToContent(e.target.checked)} />
          Colour scale without special tokens
        </label>
      </div>
      <div ref={viewRef} className="view" data-testid="token-heat">
        <TokenHeat
          tokens={maps.tokens}
          weights={tokenWeights(maps, effective)}
          caption={describeSelection(maps, effective)}
          scaleToContent={scaleToContent}
        />
      </div>
      <ExportButtons
        getSvg={() => viewRef.current?.querySelector('svg[data-attn-view]') ?? null}
        maps={maps}
        fileBase={`${fileBase}-token-heat`}
      />
    </section>
  );
}
