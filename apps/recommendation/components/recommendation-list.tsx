// The top recommendations as a list of toggle buttons — rank, title and year, genres, probability and
// raw score — with the run's facts; choosing one opens its drop-item explanation.
'use client';
import type { RecsysPrediction } from '@attn/task-recsys/browser';
import type { ExplainView } from '@attn/viz';

export interface RecommendationListProps {
  view: ExplainView<RecsysPrediction>;
  /** Who the history belongs to, e.g. "user 1" or "your history". */
  owner: string;
  selected: number | undefined;
  onSelect: (movieId: number) => void;
}

/** A probability as a percentage: one decimal from 1 %, two significant digits below (0.042 %). */
const percent = (p: number) => `${p >= 0.01 ? (p * 100).toFixed(1) : (p * 100).toPrecision(2)} %`;

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

export function RecommendationList({ view, owner, selected, onSelect }: RecommendationListProps) {
  const { prediction, provider, timings } = view.body;
  const history = view.maps.tokens.length;
  return (
    <section className="card" aria-labelledby="recommendations-heading">
      <h2 id="recommendations-heading">
        Top {prediction.recommendations.length} for {owner}
      </h2>
      <p className="hint">
        After {history} movie{history === 1 ? '' : 's'}, movies already watched left out. Probability: the model&apos;s softmax over the
        unseen movies. Choose one to see which watched movies drove it.
      </p>
      <ol className="recommendations" aria-label="Recommendations" data-testid="recommendations">
        {prediction.recommendations.map((movie) => (
          <li key={movie.movieId}>
            <button
              type="button"
              aria-pressed={movie.movieId === selected}
              onClick={() => onSelect(movie.movieId)}
              data-movie-id={movie.movieId}
            >
              <span className="rank">{movie.rank}</span>
              <span className="title">
                <strong>{movie.title}</strong> {movie.year === null ? null : <span className="hint">({movie.year})</span>}
              </span>
              <span className="score">
                {percent(movie.probability)} <span className="hint">· score {movie.score.toFixed(2)}</span>
              </span>
              <span className="genres">{movie.genres.join(' · ') || 'no genres listed'}</span>
            </button>
          </li>
        ))}
      </ol>
      <p className="hint" data-testid="run-facts">
        Ran on <span data-testid="provider-used">{provider.used}</span>
        {provider.requested !== provider.used
          ? ` (requested ${provider.requested}: ${provider.skipped.map((s) => s.reason).join('; ')})`
          : ''}{' '}
        in {ms(timings.totalMs)} on the server (model {ms(timings.runMs)}; round trip {ms(view.roundTripMs)}).
      </p>
    </section>
  );
}
