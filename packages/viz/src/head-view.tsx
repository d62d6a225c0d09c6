// HeadView (after BertViz): two token columns for one layer, a line from each query to each key it attends to, one colour per head,
// opacity = weight divided by the number of heads shown, so all heads together stay readable; it fills `width`, and a label too
// long for its column ends in "…" with the full text on hover. The token list is one tab stop: arrow keys move, Enter or Space pins.
'use client';
import { useRef, useState, type KeyboardEvent } from 'react';
import { attentionAt, type AttentionLayer, type AttentionToken } from '@attn/core/format';
import { formatWeight, headColor, sequentialColor } from './color-scale.ts';
import { HeadChips } from './head-chips.tsx';
import { useTextMeasure } from './text-measure.ts';
import { truncateToMeasure } from './token-layout.ts';

export interface HeadViewProps {
  layer: AttentionLayer;
  /** The key axis (and the query axis of self-attention). */
  tokens: readonly AttentionToken[];
  /** The query axis, where queries are another sequence than the keys ([CLS] → patches, candidate → history). */
  queryTokens?: readonly AttentionToken[];
  batch?: number;
  /** Lines below this weight are not drawn. */
  minWeight?: number;
  rowHeight?: number;
  /** At most this many lines are drawn, the strongest (a long sequence has tens of thousands); default all. */
  maxLines?: number;
  /** The width to fill, in pixels (the lines take what the labels leave); without it the lines take 180 px. */
  width?: number;
  /** The heads shown (controlled); without it the view keeps its own, all on at first. */
  active?: readonly boolean[];
  onActiveChange?: (active: boolean[]) => void;
}

type Side = 'query' | 'key';
type TokenRef = { side: Side; index: number };

const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';
const FONT_SIZE = 13;
const LINE_AREA = 180;
const MIN_LINE_AREA = 80;
/** Padding between a label's text and its box edge. */
const LABEL_PADDING = 8;
/** A label column is at most this wide (text only); longer labels end in "…". */
const MAX_LABEL_TEXT = 200;
const MIN_LABEL_TEXT = 32;

/** Labels of the query column: `queryTokens`, else the tokens of self-attention, else "pooling" or "query q". */
export function queryLabels(layer: AttentionLayer, tokens: readonly AttentionToken[], queryTokens?: readonly AttentionToken[]): string[] {
  const queries = layer.shape[2];
  if (queryTokens?.length === queries) return queryTokens.map((t) => t.label);
  if (layer.kind === 'pooling' || queries !== tokens.length) {
    return Array.from({ length: queries }, (_, q) => (queries === 1 ? 'pooling' : `query ${q}`));
  }
  return tokens.map((t) => t.label);
}

export interface HeadViewLine {
  head: number;
  query: number;
  key: number;
  weight: number;
}

/** The strongest `maxLines` of `lines`, in their original order; all of them when there are no more than that. */
export function strongestLines(lines: readonly HeadViewLine[], maxLines = Infinity): readonly HeadViewLine[] {
  if (lines.length <= maxLines) return lines;
  const kept = new Set([...lines].sort((a, b) => b.weight - a.weight).slice(0, Math.max(0, maxLines)));
  return lines.filter((line) => kept.has(line));
}

/** Mean weight from query `q` to each key over the active heads (for shading keys). */
export function activeHeadsRow(layer: AttentionLayer, active: readonly boolean[], q: number, batch = 0): Float32Array {
  const [, heads, , keys] = layer.shape;
  const row = new Float32Array(keys);
  const count = active.slice(0, heads).filter(Boolean).length;
  if (count === 0) return row;
  for (let h = 0; h < heads; h++) {
    if (!active[h]) continue;
    for (let k = 0; k < keys; k++) row[k]! += attentionAt(layer, batch, h, q, k) / count;
  }
  return row;
}

/**
 * A line's opacity: its weight (as BertViz draws one head) divided by the number of heads shown. A query's lines then hold as
 * much ink together as one line at full opacity, however many heads are on: attention spread evenly over many keys stays a
 * faint haze instead of a solid mesh, and a line darkens where heads agree on it.
 */
export function lineOpacity(weight: number, shownHeads: number): number {
  return shownHeads > 0 ? Math.min(1, Math.max(0, weight)) / shownHeads : 0;
}

/** The token the arrow `key` moves to from `from`: up/down within a column, left/right across, Home/End to its ends. */
export function moveTokenCursor(from: TokenRef, key: string, counts: Record<Side, number>): TokenRef | null {
  const clamp = (side: Side, index: number) => ({ side, index: Math.max(0, Math.min(index, counts[side] - 1)) });
  switch (key) {
    case 'ArrowUp':
      return clamp(from.side, from.index - 1);
    case 'ArrowDown':
      return clamp(from.side, from.index + 1);
    case 'ArrowLeft':
      return clamp('query', from.index);
    case 'ArrowRight':
      return clamp('key', from.index);
    case 'Home':
      return clamp(from.side, 0);
    case 'End':
      return clamp(from.side, counts[from.side] - 1);
    default:
      return null;
  }
}

export function HeadView({
  layer,
  tokens,
  queryTokens,
  batch = 0,
  minWeight = 0.01,
  rowHeight = 22,
  maxLines,
  width: availableWidth,
  active: activeProp,
  onActiveChange,
}: HeadViewProps) {
  const [, heads, queries, keys] = layer.shape;
  const [ownActive, setOwnActive] = useState<boolean[]>(() => Array.from({ length: heads }, () => true));
  const chosenActive = activeProp ?? ownActive;
  const active = chosenActive.length === heads ? [...chosenActive] : Array.from({ length: heads }, () => true);
  const setActive = onActiveChange ?? setOwnActive;
  const [hovered, setFocused] = useState<TokenRef | null>(null);
  const [pinned, setPinned] = useState<TokenRef | null>(null);
  const [cursorState, setCursor] = useState<TokenRef>({ side: 'query', index: 0 });
  const svgRef = useRef<SVGSVGElement>(null);
  const measure = useTextMeasure(FONT_SIZE, FONT);
  const focused = hovered ?? pinned;
  const left = queryLabels(layer, tokens, queryTokens);
  const right = tokens.length === keys ? tokens.map((t) => t.label) : Array.from({ length: keys }, (_, k) => `key ${k}`);
  const counts = { query: queries, key: keys };
  const cursor = cursorState.index < counts[cursorState.side] ? cursorState : { side: 'query' as const, index: 0 };

  const labelRoom =
    availableWidth === undefined
      ? MAX_LABEL_TEXT
      : Math.max(MIN_LABEL_TEXT, Math.min(MAX_LABEL_TEXT, (availableWidth - MIN_LINE_AREA) / 2 - 2 * LABEL_PADDING));
  const labelText = Math.min(labelRoom, Math.ceil(Math.max(24, ...[...left, ...right].map(measure))) + 2);
  const labelWidth = labelText + 2 * LABEL_PADDING;
  const lineArea = availableWidth === undefined ? LINE_AREA : Math.max(MIN_LINE_AREA, Math.floor(availableWidth - 2 * labelWidth));
  const x0 = labelWidth;
  const x1 = labelWidth + lineArea;
  const width = x1 + labelWidth;
  const height = Math.max(queries, keys) * rowHeight + 8;
  const yOf = (i: number) => 4 + i * rowHeight + rowHeight / 2;
  const keyShade = focused?.side === 'query' ? activeHeadsRow(layer, active, focused.index, batch) : null;
  const shownHeads = active.filter(Boolean).length;

  const candidates: HeadViewLine[] = [];
  for (let h = 0; h < heads; h++) {
    if (!active[h]) continue;
    for (let q = 0; q < queries; q++) {
      if (focused?.side === 'query' && focused.index !== q) continue;
      for (let k = 0; k < keys; k++) {
        if (focused?.side === 'key' && focused.index !== k) continue;
        const weight = attentionAt(layer, batch, h, q, k);
        if (weight >= minWeight) candidates.push({ head: h, query: q, key: k, weight });
      }
    }
  }
  const drawn = strongestLines(candidates, maxLines);
  const omitted = candidates.length - drawn.length;
  const lines = drawn.map(({ head, query, key, weight }) => (
    <line
      key={`${head}-${query}-${key}`}
      x1={x0}
      y1={yOf(query)}
      x2={x1}
      y2={yOf(key)}
      stroke={headColor(head)}
      strokeOpacity={Number(lineOpacity(weight, shownHeads).toFixed(4))}
      strokeWidth={2}
    />
  ));

  const moveCursor = (event: KeyboardEvent<SVGGElement>) => {
    const next = moveTokenCursor(cursor, event.key, counts);
    if (!next) return;
    event.preventDefault();
    setCursor(next);
    svgRef.current?.querySelector<SVGGElement>(`[data-head-view-token="${next.side}"][data-index="${next.index}"]`)?.focus();
  };

  const tokenLabel = (side: Side, index: number, label: string) => {
    const isFocused = focused?.side === side && focused.index === index;
    const isPinned = pinned?.side === side && pinned.index === index;
    const togglePin = () => setPinned(isPinned ? null : { side, index });
    const shade = side === 'key' && keyShade ? keyShade[index]! : 0;
    const x = side === 'query' ? 0 : x1 + 4;
    const describe = side === 'key' && keyShade ? `${label}, weight ${formatWeight(shade)}` : label;
    const shown = truncateToMeasure(label, labelText, measure);
    return (
      <g
        key={`${side}-${index}`}
        tabIndex={cursor.side === side && cursor.index === index ? 0 : -1}
        role="button"
        aria-label={`${side} ${describe}`}
        aria-pressed={isPinned}
        data-head-view-token={side}
        data-index={index}
        onMouseEnter={() => setFocused({ side, index })}
        onMouseLeave={() => setFocused(null)}
        onFocus={() => {
          setFocused({ side, index });
          setCursor({ side, index });
        }}
        onBlur={() => setFocused(null)}
        onClick={togglePin}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' && event.key !== ' ') return moveCursor(event);
          event.preventDefault();
          togglePin();
        }}
        style={{ cursor: 'pointer', outline: 'none' }}
      >
        {shown === label ? null : <title>{label}</title>}
        <rect
          x={x}
          y={yOf(index) - rowHeight / 2 + 1}
          width={labelWidth - 4}
          height={rowHeight - 2}
          rx={4}
          fill={isFocused ? '#fff3c4' : shade > 0 ? sequentialColor(Math.min(1, shade * 1.5)) : '#ffffff'}
          stroke={isFocused ? '#e6a700' : 'none'}
        />
        <text
          x={side === 'query' ? labelWidth - 4 - LABEL_PADDING : x + LABEL_PADDING}
          y={yOf(index) + 4}
          fontSize={FONT_SIZE}
          textAnchor={side === 'query' ? 'end' : 'start'}
          fill={shade > 0.4 ? '#ffffff' : '#1f2933'}
          fontFamily={FONT}
        >
          {shown}
        </text>
      </g>
    );
  };

  return (
    <div style={{ display: 'grid', gap: 10 }}>
      <HeadChips active={active} onChange={setActive} />
      {omitted > 0 ? (
        <p className="hint" style={{ margin: 0 }} data-head-view-omitted={omitted}>
          Showing the {drawn.length.toLocaleString('en')} strongest of {candidates.length.toLocaleString('en')} lines; focus a token to see
          all of its own.
        </p>
      ) : null}
      <svg
        ref={svgRef}
        data-attn-view="head-view"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={`Head view of ${layer.name}: ${lines.length} lines${omitted > 0 ? `, the ${omitted} weakest left out` : ''}`}
        style={{ maxWidth: '100%', height: 'auto', display: 'block' }}
      >
        <rect width={width} height={height} fill="#ffffff" />
        <g data-head-view-lines="">{lines}</g>
        <g role="group" aria-label="Tokens: arrow keys move between them, Enter or Space pins one" data-head-view-tokens="">
          {left.map((label, q) => tokenLabel('query', q, label))}
          {right.map((label, k) => tokenLabel('key', k, label))}
        </g>
      </svg>
    </div>
  );
}
