// /playground: the source article's attention mechanism with every number editable — embeddings and W_a
// in, bilinear self-scores, linear and softmax weights and the weighted embeddings out, computed by @attn/core.
import type { Metadata } from 'next';
import { FormulaPlayground } from '../../components/formula-playground.tsx';

export const metadata: Metadata = { title: 'Formula playground — Attention Atlas' };

export default function Page() {
  return (
    <>
      <header className="page-header">
        <h1>The article’s attention, by hand</h1>
        <p>
          Each token’s embedding e<sub>i</sub> is scored against itself through W<sub>a</sub>: s<sub>i</sub> = e<sub>i</sub> · W<sub>a</sub>{' '}
          · e<sub>i</sub>. The scores become weights — linearly, a<sub>i</sub> = s<sub>i</sub> / Σ<sub>j</sub> s<sub>j</sub>, or with a
          softmax — and the weighted embeddings a<sub>i</sub> · e<sub>i</sub> feed the model. Edit any number below.
        </p>
        <p className="article-note" data-testid="article-note">
          The example loaded first is the article’s: three one-hot embeddings and W<sub>a</sub> = I. Every score is 1, so every weight is
          1/3 under either normalisation. The article prints 0.37037… as its code’s output; that number follows from neither its formula nor
          its code.
        </p>
      </header>
      <FormulaPlayground />
    </>
  );
}
