// HeadPanel: the attention-heads card of every app — a tab for the head view (one layer, lines per head, as wide as the card),
// a tab for the model view (every layer × head as a small head view; one opens in the head view) and a tab for the layer × head
// grid; the export buttons save whichever view is showing, named after it (an enlarged head under its own name).
'use client';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { AttentionMaps } from '@attn/core/format';
import { ExportButtons } from './export-buttons.tsx';
import type { ExportCaption, ExportSubject } from './export-files.ts';
import { HeadGrid, type HeadCell } from './head-grid.tsx';
import { HeadView } from './head-view.tsx';
import { ModelView } from './model-view.tsx';
import { useElementWidth } from './use-element-width.ts';

const TABS = [
  { id: 'head-view', label: 'Head view' },
  { id: 'model-view', label: 'Model view' },
  { id: 'head-grid', label: 'Layer × head grid' },
] as const;

type TabId = (typeof TABS)[number]['id'];
export type HeadPanelTab = TabId;

/** What the panel shows: its tab, the head view's layer and the heads it draws (null: all). */
export interface HeadPanelView {
  tab: TabId;
  layer: number;
  activeHeads: readonly boolean[] | null;
}

export interface HeadPanelProps {
  maps: AttentionMaps;
  /** File name stem of the exports, e.g. the model id (used where there is no caption). */
  fileBase: string;
  /** The result the exports are captioned with (model, input, prediction); each view adds what it shows. */
  caption?: ExportSubject;
  /** The head view draws at most this many lines, the strongest (default all). */
  maxHeadViewLines?: number;
  /** The grid's thumbnails average blocks so they draw at most this many cells a side (HeadGrid's default otherwise). */
  maxThumbCells?: number;
  /** The view the panel opens with (e.g. read from the page's URL); later the user's choices. */
  initialView?: Partial<HeadPanelView>;
  /** Told the tab, layer and heads whenever they change (e.g. to keep them in the URL). */
  onViewChange?: (view: HeadPanelView) => void;
}

/** The heads shown, in words and as a file-name part: "all heads", "head 2", "heads 0, 3", "no heads". */
export function describeHeads(active: readonly boolean[]): { words: string; part: string } {
  const on = active.flatMap((shown, head) => (shown ? [head] : []));
  if (on.length === active.length) return { words: 'all heads', part: 'all-heads' };
  if (on.length === 0) return { words: 'no heads', part: 'no-heads' };
  if (on.length === 1) return { words: `head ${on[0]}`, part: `head${on[0]}` };
  return { words: `heads ${on.join(', ')}`, part: `heads${on.join('-')}` };
}

/** What the showing view is, in words and as file-name parts, for the exports' captions and names. */
export function describePanelView(
  tab: TabId,
  layer: number,
  active: readonly boolean[],
  enlarged: HeadCell | null,
): Pick<ExportCaption, 'view' | 'viewParts'> {
  if (tab === 'head-view') {
    const heads = describeHeads(active);
    return { view: `head view · layer ${layer} · ${heads.words}`, viewParts: ['head-view', `layer${layer}`, heads.part] };
  }
  if (tab === 'model-view') return { view: 'model view · every layer and head', viewParts: ['model-view'] };
  if (enlarged) {
    return {
      view: `attention matrix · layer ${enlarged.layer} · head ${enlarged.head}`,
      viewParts: ['attention-matrix', `layer${enlarged.layer}`, `head${enlarged.head}`],
    };
  }
  return { view: 'layer × head grid', viewParts: ['head-grid'] };
}

export function HeadPanel({ maps, fileBase, caption, maxHeadViewLines, maxThumbCells, initialView, onViewChange }: HeadPanelProps) {
  const [tab, setTab] = useState<TabId>(initialView?.tab ?? 'head-view');
  const [chosenLayer, setLayerIndex] = useState(initialView?.layer ?? 0);
  const [chosenHeads, setActiveHeads] = useState<boolean[] | null>(initialView?.activeHeads ? [...initialView.activeHeads] : null);
  const [enlarged, setEnlarged] = useState<HeadCell | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const idBase = useId(); // ids unique per panel, so two panels can share a page (the text app's compare page)
  const viewRef = useRef<HTMLDivElement>(null);
  const panelWidth = useElementWidth(panelRef, 640);
  // The chosen layer stays across new maps, clamped to their layers; so do the heads shown, where the layer has as many.
  const layerIndex = Math.max(0, Math.min(chosenLayer, maps.layers.length - 1));
  const layer = maps.layers[layerIndex];
  const heads = layer?.shape[1] ?? 0;
  const activeHeads = chosenHeads?.length === heads ? chosenHeads : Array.from({ length: heads }, () => true);
  const shownEnlarged = enlarged && enlarged.head < (maps.layers[enlarged.layer]?.shape[1] ?? 0) ? enlarged : null;
  const view = describePanelView(tab, layerIndex, activeHeads, shownEnlarged);
  const viewSlug = view.viewParts.join('-');
  const onViewChangeRef = useRef(onViewChange);
  onViewChangeRef.current = onViewChange;
  const headsKey = chosenHeads?.length === heads ? chosenHeads.join() : 'all';
  useEffect(() => {
    onViewChangeRef.current?.({
      tab,
      layer: layerIndex,
      activeHeads: headsKey === 'all' ? null : headsKey.split(',').map((on) => on === 'true'),
    });
  }, [tab, layerIndex, headsKey]);

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`${idBase}tab-${next.id}`)?.focus();
  };

  const openInHeadView = (cell: HeadCell) => {
    setLayerIndex(cell.layer);
    setActiveHeads(Array.from({ length: maps.layers[cell.layer]?.shape[1] ?? 0 }, (_, h) => h === cell.head));
    setTab('head-view');
    document.getElementById(`${idBase}tab-head-view`)?.focus();
  };

  // The last view SVG in the panel: the enlarged head when the grid has one open.
  const currentSvg = () => {
    const svgs = viewRef.current?.querySelectorAll<SVGSVGElement>('svg[data-attn-view]');
    return svgs && svgs.length > 0 ? svgs[svgs.length - 1]! : null;
  };

  return (
    <section className="card" aria-labelledby={`${idBase}heads-heading`}>
      <h2 id={`${idBase}heads-heading`}>Attention heads</h2>
      <div className="tabs" role="tablist" aria-label="Head views" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`${idBase}tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`${idBase}panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div ref={panelRef} id={`${idBase}panel-${tab}`} role="tabpanel" aria-labelledby={`${idBase}tab-${tab}`} className="tab-panel">
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
              <span className="hint">
                Hover a token, or Tab to the tokens and move with the arrow keys, to isolate its lines; click, Enter or Space pins it.
              </span>
            </div>
            <div ref={viewRef} className="view" data-testid="head-view">
              <HeadView
                key={layerIndex}
                layer={layer}
                tokens={maps.tokens}
                width={panelWidth}
                active={activeHeads}
                onActiveChange={setActiveHeads}
                {...(maps.queryTokens ? { queryTokens: maps.queryTokens } : {})}
                {...(maxHeadViewLines === undefined ? {} : { maxLines: maxHeadViewLines })}
              />
            </div>
          </>
        ) : null}
        {tab === 'model-view' ? (
          <>
            <p className="hint">
              Every layer and head as a small head view (queries left, keys right). Click one, or Tab to them, move with the arrow keys and
              press Enter, to open it in the head view.
            </p>
            <div ref={viewRef} className="view" data-testid="model-view">
              <ModelView layers={maps.layers} width={panelWidth} onOpen={openInHeadView} />
            </div>
          </>
        ) : null}
        {tab === 'head-grid' ? (
          <div ref={viewRef} className="view" data-testid="head-grid">
            <HeadGrid
              layers={maps.layers}
              tokens={maps.tokens}
              selected={shownEnlarged}
              onSelectedChange={setEnlarged}
              {...(maps.queryTokens ? { queryTokens: maps.queryTokens } : {})}
              {...(maxThumbCells === undefined ? {} : { maxThumbCells })}
            />
          </div>
        ) : null}
      </div>
      <ExportButtons
        getSvg={currentSvg}
        maps={maps}
        fileBase={`${fileBase}-${viewSlug}`}
        {...(caption ? { caption: { ...caption, ...view } } : {})}
      />
    </section>
  );
}
