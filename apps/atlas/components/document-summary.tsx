// DocumentSummary: what an opened attn-maps/v1 document is — the file, the model id (hash, provider), the
// domain, the layers with their kinds and heads, the batch, and its tokens (the first few hundred listed).
import type { AttentionMaps } from '@attn/core/format';

const LISTED_TOKENS = 300;

/** "4 heads each" when every layer has the same count, else each layer's count. */
function headCounts(maps: AttentionMaps): string {
  const counts = maps.layers.map((layer) => layer.shape[1]);
  return new Set(counts).size === 1 ? `${counts[0]} per layer` : counts.join(', ');
}

/** "2 self + 1 pooling". */
function layerKinds(maps: AttentionMaps): string {
  const kinds = new Map<string, number>();
  for (const layer of maps.layers) kinds.set(layer.kind, (kinds.get(layer.kind) ?? 0) + 1);
  return [...kinds].map(([kind, count]) => `${count} ${kind}`).join(' + ');
}

export function DocumentSummary({ maps, fileName }: { maps: AttentionMaps; fileName: string }) {
  const batch = maps.layers[0]?.shape[0] ?? 1;
  const listed = maps.tokens.slice(0, LISTED_TOKENS);
  return (
    <section className="card" aria-labelledby="document-heading" data-testid="document-summary">
      <h2 id="document-heading">{fileName}</h2>
      <dl className="facts">
        <dt>Model</dt>
        <dd data-testid="document-model">
          {maps.model.id}
          {maps.model.executionProvider ? <span className="hint"> (ran on {maps.model.executionProvider})</span> : null}
          {maps.model.sha256 ? <span className="hint"> · sha256 {maps.model.sha256.slice(0, 12)}…</span> : null}
        </dd>
        <dt>Domain</dt>
        <dd data-testid="document-domain">{maps.domain}</dd>
        <dt>Layers</dt>
        <dd data-testid="document-layers">
          {maps.layers.length} ({layerKinds(maps)})
        </dd>
        <dt>Heads</dt>
        <dd data-testid="document-heads">{headCounts(maps)}</dd>
        {batch > 1 ? (
          <>
            <dt>Batch</dt>
            <dd>{batch} inputs; the views show the first</dd>
          </>
        ) : null}
        {maps.queryTokens ? (
          <>
            <dt>Queries</dt>
            <dd>{maps.queryTokens.map((t) => t.label).join(' · ')}</dd>
          </>
        ) : null}
        <dt>Tokens</dt>
        <dd data-testid="document-tokens">
          {maps.tokens.length}
          {maps.readoutQuery !== undefined ? <span className="hint"> · the prediction is read from query {maps.readoutQuery}</span> : null}
          <p className="token-list">
            {listed.map((t) => t.label).join(' · ')}
            {maps.tokens.length > listed.length ? ` … and ${maps.tokens.length - listed.length} more` : ''}
          </p>
        </dd>
      </dl>
    </section>
  );
}
