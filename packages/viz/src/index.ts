// @attn/viz — React components that draw attention for any domain (tokens, patches, items):
// token heat, head view, layer × head grid, heatmap, score bars, paired bars, patch overlays and small multiples, the deletion chart, export helpers, and the panels and
// explain hook every app composes (head panel, prediction card). `./styles.css` is the shared look.
export * from './color-scale.ts';
export * from './attention-matrix.ts';
export * from './weight-vector.ts';
export * from './token-layout.ts';
export * from './export-files.ts';
export { ColorLegend, type ColorLegendProps } from './color-legend.tsx';
export { TokenHeat, tokenHeatScale, tokenHeatScaleMax, type TokenHeatProps } from './token-heat.tsx';
export { HeadChips, type HeadChipsProps } from './head-chips.tsx';
export { HeadView, queryLabels, activeHeadsRow, strongestLines, type HeadViewProps, type HeadViewLine } from './head-view.tsx';
export { AttentionHeatmap, moveCursor, type AttentionHeatmapProps } from './attention-heatmap.tsx';
export { HeadGrid, headGridCells, type HeadGridProps, type HeadCell } from './head-grid.tsx';
export { ExportButtons, type ExportButtonsProps } from './export-buttons.tsx';
export { ScoreBars, sortedScores, type ScoreBarsProps } from './score-bars.tsx';
export { describeAgreement, attentionEffectRho } from './attention-effect-agreement.ts';
export { AgreementLine, type AgreementLineProps } from './agreement-line.tsx';
export { VectorStrips, divergingColor, stripExtent, type VectorStrip, type VectorStripsProps } from './vector-strips.tsx';
export { PairedBarChart, pairedBarReadout, type PairedBarChartProps, type PairedBarRow } from './paired-bar-chart.tsx';
export { useElementWidth } from './use-element-width.ts';
export { WeightSelectionControls, effectiveWeightSelection, type WeightSelectionControlsProps } from './weight-selection-controls.tsx';
export { SearchCombobox, nextActiveOption, type SearchComboboxProps, type SearchOption, type SearchResults } from './search-combobox.tsx';
export { PatchOverlay, PatchCells, type PatchOverlayProps, type PatchCellsProps, type PixelRect } from './patch-overlay.tsx';
export { PatchSmallMultiples, type PatchSmallMultiplesProps } from './patch-small-multiples.tsx';
export { DeletionCurveChart, RANKED_COLOR, RANDOM_COLOR, type DeletionCurveChartProps } from './deletion-curve-chart.tsx';
export { HeadPanel, type HeadPanelProps, type HeadPanelTab, type HeadPanelView } from './head-panel.tsx';
export { PredictionCard, type PredictionCardProps } from './prediction-card.tsx';
export { useExplain, type ExplainRequestBody, type ExplainState, type ExplainView } from './use-explain.ts';
export { usePostJson, postJson, type PostJsonResult, type RequestState } from './use-post-json.ts';
export { usePerturb, type PerturbView } from './use-perturb.ts';
export { JsonInputExplorer, type JsonInputExplorerProps } from './json-input-explorer.tsx';
export { ModelSelect, ProviderSelect, SelectField, type SelectFieldProps, type SelectOption } from './select-field.tsx';
export * from './compact-attention.ts';
export { HeadViewCanvas, paintHeadThumbnails, type HeadViewCanvasProps, type HeadCursor } from './head-view-canvas.tsx';
export { HeadDetailCanvas, paintDenseHead, type HeadDetailCanvasProps } from './head-detail-canvas.tsx';
