// The overlay card: [CLS] → patch attention on the picture the model saw — one layer (a head or the mean,
// with a layer scrubber), rollout (head fusion, discard ratio) or attention flow — the true box, the rollout
// peak and the pointing result for boxed examples, one thumbnail per head of the layer, and the exports.
'use client';
import { useMemo, useRef, useState } from 'react';
import type { AttentionMaps } from '@attn/core/format';
import type { HeadFusion } from '@attn/core/analysis';
import type { ImageBox } from '@attn/task-image/input';
import { ExportButtons, PatchOverlay, PatchSmallMultiples } from '@attn/viz';
import { headPatchWeights, overlayWeights, patchGridSize, rolloutPointing, type OverlayMode } from '../src/patch-weights.ts';

export interface AttentionOverlayPanelProps {
  maps: AttentionMaps;
  /** The picture the model saw, as a data URL, and its side in pixels. */
  pictureHref: string;
  imageSize: number;
  /** The object's true box in the picture, where known. */
  box: ImageBox | undefined;
  fileBase: string;
}

type ModeKind = OverlayMode['kind'];

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

export function AttentionOverlayPanel({ maps, pictureHref, imageSize, box, fileBase }: AttentionOverlayPanelProps) {
  const layers = maps.layers.filter((layer) => layer.kind === 'self').length;
  const heads = maps.layers[0]?.shape[1] ?? 1;
  const [kind, setKind] = useState<ModeKind>('layer');
  const [layer, setLayer] = useState(layers - 1);
  const [head, setHead] = useState<number | 'mean'>('mean');
  const [fusion, setFusion] = useState<HeadFusion>('mean');
  const [discardRatio, setDiscardRatio] = useState(0);
  const overlayRef = useRef<HTMLDivElement>(null);
  const multiplesRef = useRef<HTMLDivElement>(null);

  const gridSize = patchGridSize(maps);
  const mode = useMemo<OverlayMode>(
    () => (kind === 'layer' ? { kind, layer, head } : kind === 'rollout' ? { kind, fusion, discardRatio } : { kind }),
    [kind, layer, head, fusion, discardRatio],
  );
  const weights = useMemo(() => overlayWeights(maps, mode), [maps, mode]);
  const perHead = useMemo(() => headPatchWeights(maps, layer), [maps, layer]);
  const pointing = useMemo(() => (box ? rolloutPointing(maps, box, imageSize) : undefined), [maps, box, imageSize]);
  const peakRow = pointing ? Math.floor(pointing.peakPatch / gridSize) : 0;
  const caption =
    kind === 'layer'
      ? `layer ${layer} · ${head === 'mean' ? 'mean of heads' : `head ${head}`} · from [CLS]`
      : kind === 'rollout'
        ? `rollout over ${layers} layers · ${fusion} of heads · discard ${Math.round(discardRatio * 100)} %`
        : `attention flow over ${layers} layers · from [CLS]`;

  return (
    <section className="card" aria-labelledby="overlay-heading">
      <h2 id="overlay-heading">Where the model looks</h2>
      <div className="controls">
        <label className="field inline">
          <span>View</span>
          <select name="overlay-mode" value={kind} onChange={(e) => setKind(e.target.value as ModeKind)}>
            <option value="layer">one layer ([CLS] → patches)</option>
            <option value="rollout">attention rollout (all layers)</option>
            <option value="flow">attention flow (all layers)</option>
          </select>
        </label>
        <label className="field inline">
          <span>Layer {layer}</span>
          <input
            type="range"
            name="layer"
            min={0}
            max={layers - 1}
            step={1}
            value={layer}
            onChange={(e) => setLayer(Number(e.target.value))}
            aria-valuetext={`layer ${layer} of ${layers - 1}`}
          />
        </label>
        {kind === 'layer' ? (
          <label className="field inline">
            <span>Head</span>
            <select name="head" value={String(head)} onChange={(e) => setHead(e.target.value === 'mean' ? 'mean' : Number(e.target.value))}>
              <option value="mean">mean of heads</option>
              {Array.from({ length: heads }, (_, h) => (
                <option key={h} value={h}>
                  head {h}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {kind === 'rollout' ? (
          <>
            <label className="field inline">
              <span>Head fusion</span>
              <select name="head-fusion" value={fusion} onChange={(e) => setFusion(e.target.value as HeadFusion)}>
                <option value="mean">mean</option>
                <option value="max">max</option>
                <option value="min">min</option>
              </select>
            </label>
            <label className="field inline">
              <span>Discard {Math.round(discardRatio * 100)} %</span>
              <input
                type="range"
                name="discard-ratio"
                min={0}
                max={0.95}
                step={0.05}
                value={discardRatio}
                onChange={(e) => setDiscardRatio(Number(e.target.value))}
              />
            </label>
          </>
        ) : null}
      </div>
      <div ref={overlayRef} className="view" data-testid="patch-overlay">
        <PatchOverlay
          imageHref={pictureHref}
          gridSize={gridSize}
          weights={weights}
          size={280}
          imageSize={imageSize}
          caption={caption}
          {...(box ? { box } : {})}
          {...(pointing ? { markedPatch: pointing.peakPatch } : {})}
        />
      </div>
      {pointing ? (
        <p className={`pointing ${pointing.hit ? 'hit' : 'miss'}`} data-testid="pointing-result">
          <strong>Pointing game: {pointing.hit ? 'hit' : 'miss'}.</strong> The rollout peak (patch {peakRow},{pointing.peakPatch % gridSize}
          , circled) is {pointing.hit ? 'inside' : 'outside'} the digit’s true box (dashed); {percent(pointing.massInBox)} of the rollout
          lies in the box, against {percent(pointing.chance)} by chance (the box’s share of the patches).
        </p>
      ) : null}
      <ExportButtons
        getSvg={() => overlayRef.current?.querySelector('svg[data-attn-view]') ?? null}
        maps={maps}
        fileBase={`${fileBase}-overlay`}
      />
      <h3 className="subheading">Every head of layer {layer}</h3>
      <p className="hint">One thumbnail per head, [CLS] → patches; choose one to show it large above.</p>
      <div ref={multiplesRef} className="view" data-testid="small-multiples">
        <PatchSmallMultiples
          imageHref={pictureHref}
          gridSize={gridSize}
          headWeights={perHead}
          {...(kind === 'layer' && head !== 'mean' ? { selectedHead: head } : {})}
          onSelectHead={(h) => {
            setKind('layer');
            setHead(h);
          }}
          caption={`layer ${layer}`}
        />
      </div>
      <ExportButtons
        getSvg={() => multiplesRef.current?.querySelector('svg[data-attn-view]') ?? null}
        maps={maps}
        fileBase={`${fileBase}-layer-${layer}-heads`}
      />
    </section>
  );
}
