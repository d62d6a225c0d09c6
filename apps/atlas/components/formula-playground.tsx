// FormulaPlayground: the source article's attention, editable — the embeddings table (add or remove tokens
// and dimensions), W_a, and the live results; starts on the article's example, which it can return to.
'use client';
import { useMemo, useState } from 'react';
import {
  addDimension,
  addToken,
  ARTICLE_EXAMPLE,
  dimensionLabel,
  dimensionsOf,
  removeDimension,
  removeToken,
  setEmbedding,
  setWa,
  tokenLabel,
} from '../src/playground-grid.ts';
import { playgroundResults } from '../src/playground-results.ts';
import { NumberMatrixEditor } from './number-matrix-editor.tsx';
import { PlaygroundResultsView } from './playground-results-view.tsx';

export function FormulaPlayground() {
  const [grid, setGrid] = useState(ARTICLE_EXAMPLE);
  const outcome = useMemo(() => playgroundResults(grid), [grid]);
  const tokens = grid.embeddings.map((_, i) => tokenLabel(i));
  const dimensions = Array.from({ length: dimensionsOf(grid) }, (_, i) => dimensionLabel(i));
  return (
    <div className="explorer">
      <section className="card playground-inputs" aria-labelledby="inputs-heading">
        <h2 id="inputs-heading">Inputs</h2>
        <div className="matrix-pair">
          <div>
            <NumberMatrixEditor
              caption="Embeddings eᵢ (rows = tokens, columns = dimensions)"
              name="embedding"
              corner="token"
              rowLabels={tokens}
              colLabels={dimensions}
              cells={grid.embeddings}
              onCellChange={(r, c, value) => setGrid((g) => setEmbedding(g, r, c, value))}
              onRemoveRow={(r) => setGrid((g) => removeToken(g, r))}
              onRemoveColumn={(c) => setGrid((g) => removeDimension(g, c))}
            />
            <div className="form-row">
              <button type="button" onClick={() => setGrid(addToken)}>
                + token
              </button>
              <button type="button" onClick={() => setGrid(addDimension)}>
                + dimension
              </button>
            </div>
          </div>
          <NumberMatrixEditor
            caption={
              <>
                W<sub>a</sub> (dimensions × dimensions)
              </>
            }
            name="wa"
            rowLabels={dimensions}
            colLabels={dimensions}
            cells={grid.wa}
            onCellChange={(r, c, value) => setGrid((g) => setWa(g, r, c, value))}
          />
        </div>
        <div className="form-row">
          <button type="button" onClick={() => setGrid(ARTICLE_EXAMPLE)}>
            Back to the article’s example
          </button>
          <span className="hint">A new dimension is 0 in every embedding and extends W_a as the identity would.</span>
        </div>
      </section>
      <PlaygroundResultsView outcome={outcome} />
    </div>
  );
}
