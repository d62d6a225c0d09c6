// The line under an attention-vs-effect chart: Spearman's ρ between the attention each element gets and the effect of
// removing it, and in words how well the two orders agree — the text app's tokens and the recommender's movies alike.
import { describeAgreement } from './attention-effect-agreement.ts';

export interface AgreementLineProps {
  rho: number;
  /** What was removed to measure the effect: "drop-token", "drop-item". */
  effect: string;
  /** The elements, plural, for the words: "tokens", "movies". */
  elements: string;
  /** How many elements ρ is over, as the hint shows it ("12", "12 tokens without [CLS]/[SEP]"). */
  count: string;
}

export function AgreementLine({ rho, effect, elements, count }: AgreementLineProps) {
  return (
    <p className="agreement" data-testid="agreement">
      Spearman ρ between attention and {effect} effect: <strong>{Number.isNaN(rho) ? 'undefined' : rho.toFixed(2)}</strong>{' '}
      <span className="hint">
        (n = {count}; {describeAgreement(rho, elements)})
      </span>
    </p>
  );
}
