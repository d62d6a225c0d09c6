// HeadView (after BertViz): two token columns for one layer, a line from each query to each key it attends to, opacity = weight,
// one colour per head; hover/focus a token (click pins it) to isolate it; `maxLines` keeps only the strongest lines of a long sequence.
'use client';
import { useState } from 'react';
import { attentionAt, type AttentionLayer, type AttentionToken } from '@attn/core/format';
import { formatWeight, headColor, sequentialColor } from './color-scale.ts';
import { HeadChips } from './head-chips.tsx';
import { estimateTextWidth } from './token-layout.ts';

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
}

type FocusedToken = { side: 'query' | 'key'; index: number } | null;

const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';
const FONT_SIZE = 13;
const LINE_AREA = 180;

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

export function HeadView({ layer, tokens, queryTokens, batch = 0, minWeight = 0.01, rowHeight = 22, maxLines }: HeadViewProps) {
  const [, heads, queries, keys] = layer.shape;
  const [activeState, setActive] = useState<boolean[]>(() => Array.from({ length: heads }, () => true));
  const active = activeState.length === heads ? activeState : Array.from({ length: heads }, () => true);
  const [hovered, setFocused] = useState<FocusedToken>(null);
  const [pinned, setPinned] = useState<FocusedToken>(null);
  const focused = hovered ?? pinned;
  const left = queryLabels(layer, tokens, queryTokens);
  const right = tokens.length === keys ? tokens.map((t) => t.label) : Array.from({ length: keys }, (_, k) => `key ${k}`);
  const labelWidth = Math.ceil(Math.max(40, ...[...left, ...right].map((l) => estimateTextWidth(l, FONT_SIZE)))) + 12;
  const x0 = labelWidth;
  const x1 = labelWidth + LINE_AREA;
  const width = x1 + labelWidth;
  const height = Math.max(queries, keys) * rowHeight + 8;
  const yOf = (i: number) => 4 + i * rowHeight + rowHeight / 2;
  const keyShade = focused?.side === 'query' ? activeHeadsRow(layer, active, focused.index, batch) : null;

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
      strokeOpacity={weight}
      strokeWidth={2}
    />
  ));

  const tokenLabel = (side: 'query' | 'key', index: number, label: string) => {
    const isFocused = focused?.side === side && focused.index === index;
    const isPinned = pinned?.side === side && pinned.index === index;
    const togglePin = () => setPinned(isPinned ? null : { side, index });
    const shade = side === 'key' && keyShade ? keyShade[index]! : 0;
    const x = side === 'query' ? 0 : x1 + 4;
    const describe = side === 'key' && keyShade ? `${label}, weight ${formatWeight(shade)}` : label;
    return (
      <g
        key={`${side}-${index}`}
        tabIndex={0}
        role="button"
        aria-label={`${side} ${describe}`}
        aria-pressed={isPinned}
        data-head-view-token={side}
        onMouseEnter={() => setFocused({ side, index })}
        onMouseLeave={() => setFocused(null)}
        onFocus={() => setFocused({ side, index })}
        onBlur={() => setFocused(null)}
        onClick={togglePin}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          togglePin();
        }}
        style={{ cursor: 'pointer', outline: 'none' }}
      >
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
          x={side === 'query' ? labelWidth - 10 : x + 6}
          y={yOf(index) + 4}
          fontSize={FONT_SIZE}
          textAnchor={side === 'query' ? 'end' : 'start'}
          fill={shade > 0.4 ? '#ffffff' : '#1f2933'}
          fontFamily={FONT}
        >
          {label}
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
        data-attn-view="head-view"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={`Head view of ${layer.name}: ${lines.length} lines${omitted > 0 ? `, the ${omitted} weakest left out` : ''}`}
        style={{ maxWidth: '100%', height: 'auto' }}
      >
        <rect width={width} height={height} fill="#ffffff" />
        <g data-head-view-lines="">{lines}</g>
        {left.map((label, q) => tokenLabel('query', q, label))}
        {right.map((label, k) => tokenLabel('key', k, label))}
      </svg>
    </div>
  );
}
