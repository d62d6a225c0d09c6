// HeadPanel: the attention-heads card of every app — a tab for the head view (one layer, lines per head; optionally only the
// strongest lines) and a tab for the layer × head grid; the export buttons save whichever view is showing.
'use client';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { AttentionMaps } from '@attn/core/format';
import { ExportButtons } from './export-buttons.tsx';
import { HeadGrid } from './head-grid.tsx';
import { HeadView } from './head-view.tsx';

const TABS = [
  { id: 'head-view', label: 'Head view' },
  { id: 'head-grid', label: 'Layer × head grid' },
] as const;

type TabId = (typeof TABS)[number]['id'];

export interface HeadPanelProps {
  maps: AttentionMaps;
  /** File name stem of the exports, e.g. the model id. */
  fileBase: string;
  /** The head view draws at most this many lines, the strongest (default all). */
  maxHeadViewLines?: number;
  /** The grid's thumbnails average blocks so they draw at most this many cells a side (HeadGrid's default otherwise). */
  maxThumbCells?: number;
}

export function HeadPanel({ maps, fileBase, maxHeadViewLines, maxThumbCells }: HeadPanelProps) {
  const [tab, setTab] = useState<TabId>('head-view');
  const [chosenLayer, setLayerIndex] = useState(0);
  const viewRef = useRef<HTMLDivElement>(null);
  // The chosen layer stays across new maps, clamped to their layers.
  const layerIndex = Math.max(0, Math.min(chosenLayer, maps.layers.length - 1));
  const layer = maps.layers[layerIndex];

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };

  // The last view SVG in the panel: the enlarged head when the grid has one open.
  const currentSvg = () => {
    const svgs = viewRef.current?.querySelectorAll<SVGSVGElement>('svg[data-attn-view]');
    return svgs && svgs.length > 0 ? svgs[svgs.length - 1]! : null;
  };

  return (
    <section className="card" aria-labelledby="heads-heading">
      <h2 id="heads-heading">Attention heads</h2>
      <div className="tabs" role="tablist" aria-label="Head views" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'head-view' && layer ? (
          <>
            <div className="controls">
              <label className="field inline">
                <span>Layer</span>
                <select value={layerIndex} onChange={(e) => setLayerIndex(Number(e.target.value))} name="head-view-layer">
                  {maps.layers.map((l, i) => (
                    <option key={i} value={i}>
                      {l.kind === 'pooling' ? `pooling (${i})` : `layer ${i}`}
                    </option>
                  ))}
                </select>
              </label>
              <span className="hint">Hover or focus a token to isolate its lines; click or Enter pins it.</span>
            </div>
            <div ref={viewRef} className="view" data-testid="head-view">
              <HeadView
                key={layerIndex}
                layer={layer}
                tokens={maps.tokens}
                {...(maps.queryTokens ? { queryTokens: maps.queryTokens } : {})}
                {...(maxHeadViewLines === undefined ? {} : { maxLines: maxHeadViewLines })}
              />
            </div>
          </>
        ) : null}
        {tab === 'head-grid' ? (
          <div ref={viewRef} className="view" data-testid="head-grid">
            <HeadGrid
              layers={maps.layers}
              tokens={maps.tokens}
              {...(maps.queryTokens ? { queryTokens: maps.queryTokens } : {})}
              {...(maxThumbCells === undefined ? {} : { maxThumbCells })}
            />
          </div>
        ) : null}
      </div>
      <ExportButtons getSvg={currentSvg} maps={maps} fileBase={`${fileBase}-${tab}`} />
    </section>
  );
}
