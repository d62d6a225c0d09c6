// The token heat card: choose rollout, a layer's head mean, or one head (the seed model's pooling layer shows its
// pooling weights), whether [CLS]/[SEP] take part in the colour scale (not by default), see each token shaded, laid out
// to the card's width (so a phone keeps its font size), and export it under a caption naming the result and the weights.
'use client';
import { useId, useRef, useState } from 'react';
import type { AttentionMaps } from '@attn/core/format';
import {
  ExportButtons,
  TokenHeat,
  WeightSelectionControls,
  defaultWeightSelection,
  describeSelection,
  effectiveWeightSelection,
  tokenWeights,
  useElementWidth,
  type ExportSubject,
  type WeightSelection,
} from '@attn/viz';

/** The weights shown as file-name parts: rollout, a layer's mean of heads, one head, or a pooling layer. */
export function selectionParts(maps: AttentionMaps, selection: WeightSelection): string[] {
  if (selection.mode === 'rollout') return ['rollout'];
  if (maps.layers[selection.layer]?.kind === 'pooling') return [`pooling${selection.layer}`];
  return [`layer${selection.layer}`, selection.mode === 'head' ? `head${selection.head}` : 'mean-of-heads'];
}

export interface TokenHeatPanelProps {
  maps: AttentionMaps;
  fileBase: string;
  caption: ExportSubject;
  /** The weights the card opens with (e.g. from a shared link); rollout or the last layer's mean otherwise. */
  initialSelection?: WeightSelection;
  /** Told the weights shown whenever the user changes them. */
  onSelectionChange?: (selection: WeightSelection) => void;
}

export function TokenHeatPanel({ maps, fileBase, caption, initialSelection, onSelectionChange }: TokenHeatPanelProps) {
  const [selection, setChosenSelection] = useState<WeightSelection>(() => initialSelection ?? defaultWeightSelection(maps));
  const setSelection = (next: WeightSelection) => {
    setChosenSelection(next);
    onSelectionChange?.(next);
  };
  const [scaleToContent, setScaleToContent] = useState(true);
  const viewRef = useRef<HTMLDivElement>(null);
  const headingId = useId(); // unique per card: the compare page shows two
  const width = useElementWidth(viewRef, 640);
  const effective = effectiveWeightSelection(maps, selection);
  const described = describeSelection(maps, effective);

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Token heat</h2>
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
          caption={described}
          scaleToContent={scaleToContent}
          maxWidth={Math.max(240, width - 4)}
        />
      </div>
      <ExportButtons
        getSvg={() => viewRef.current?.querySelector('svg[data-attn-view]') ?? null}
        maps={maps}
        fileBase={`${fileBase}-token-heat`}
        caption={{ ...caption, view: `token heat · ${described}`, viewParts: ['token-heat', ...selectionParts(maps, effective)] }}
      />
    </section>
  );
}
