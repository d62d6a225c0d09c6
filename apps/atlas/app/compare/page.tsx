// /compare: every shipped model of every domain run on its examples (or your own input) and compared in one
// vocabulary — entropy, distance, sparsity, raw vs rollout vs flow, faithfulness, head roles (POST /api/compare).
import type { Metadata } from 'next';
import { CompareView } from '../../components/compare/compare-view.tsx';

export const metadata: Metadata = { title: 'Compare attention across domains — Attention Atlas' };

export default function Page() {
  return (
    <>
      <header className="page-header">
        <h1>Attention across domains</h1>
        <p>
          The same statistics for a sentiment classifier, a digit reader and a movie recommender: how spread out each head is, how far it
          looks, which kind of head it is, whether rollout and flow tell the same story as the raw weights, and whether removing what
          attention ranks first changes the prediction. <code>pnpm attn compare</code> prints the same figures on the terminal.
        </p>
      </header>
      <CompareView />
    </>
  );
}
