// The input form: a MovieLens user from the model's examples, or a history built by searching titles
// (oldest first; each movie removable), the execution provider, and the Recommend button.
'use client';
import type { FormEvent } from 'react';
import { ProviderSelect, SearchCombobox, type SearchResults } from '@attn/viz';
import type { MovieSearchBody } from '../src/movie-search-route.ts';
import type { PageModel } from '../src/page-models.ts';

export type HistoryMode = 'user' | 'history';

export interface PickedMovie {
  id: number;
  label: string;
  detail: string;
}

export interface HistoryFormProps {
  model: PageModel | undefined;
  providers: readonly string[];
  mode: HistoryMode;
  userId: number | undefined;
  history: readonly PickedMovie[];
  provider: string;
  busy: boolean;
  onModeChange: (mode: HistoryMode) => void;
  onUserChange: (userId: number) => void;
  onHistoryChange: (history: PickedMovie[]) => void;
  onProviderChange: (provider: string) => void;
  onSubmit: () => void;
}

/** The typeahead's search: GET /api/movies, movies already in the history left out. */
async function searchMovies(
  modelId: string,
  query: string,
  signal: AbortSignal,
  exclude: readonly PickedMovie[],
): Promise<SearchResults<PickedMovie>> {
  const params = new URLSearchParams({ q: query, limit: '8', model: modelId });
  const response = await fetch(`/api/movies?${params}`, { signal });
  const json = (await response.json()) as MovieSearchBody & { error?: { message: string } };
  if (!response.ok) throw new Error(json.error?.message ?? `the server answered ${response.status}`);
  const picked = new Set(exclude.map((movie) => movie.id));
  const options = json.movies
    .filter((movie) => !picked.has(movie.movieId))
    .map((movie) => ({ id: movie.movieId, label: movie.label, detail: movie.genres.join(' · ') || 'no genres listed' }));
  return { options, total: json.total - (json.movies.length - options.length) };
}

export function HistoryForm(props: HistoryFormProps) {
  const { model, providers, mode, userId, history, provider, busy } = props;
  const maxHistory = model?.maxHistory ?? 0;
  const ready = mode === 'user' ? userId !== undefined : history.length > 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy && ready) props.onSubmit();
  };

  return (
    <form className="card explain-form" onSubmit={submit} aria-label="Choose a history">
      {model ? (
        <p className="model-description">
          {model.title}: {model.description}
        </p>
      ) : null}
      <fieldset className="mode-switch">
        <legend>Whose history?</legend>
        <label>
          <input type="radio" name="mode" value="user" checked={mode === 'user'} onChange={() => props.onModeChange('user')} /> A MovieLens
          user
        </label>
        <label>
          <input type="radio" name="mode" value="history" checked={mode === 'history'} onChange={() => props.onModeChange('history')} />{' '}
          Your own history
        </label>
      </fieldset>
      {mode === 'user' ? (
        <label className="field">
          <span>User (their latest training history)</span>
          <select name="user" value={userId ?? ''} onChange={(e) => props.onUserChange(Number(e.target.value))}>
            {model?.users.map((user) => (
              <option key={user.userId} value={user.userId}>
                {user.name} · {user.historyLength} movies
              </option>
            ))}
          </select>
        </label>
      ) : (
        <div className="explain-form">
          {model ? (
            <SearchCombobox<PickedMovie>
              label="Add a movie you watched"
              name="movie-search"
              placeholder="Search titles, e.g. Toy Story"
              search={(query, signal) => searchMovies(model.id, query, signal, history)}
              onPick={(movie) => props.onHistoryChange([...history, movie])}
              {...(history.length >= maxHistory
                ? { disabledReason: `The history is full: the model reads at most ${maxHistory} movies.` }
                : {})}
            />
          ) : null}
          {history.length > 0 ? (
            <ol className="history-list" aria-label="Your history, oldest first">
              {history.map((movie, i) => (
                <li key={movie.id}>
                  <span className="row">
                    <span>{movie.label}</span>
                    <button
                      type="button"
                      aria-label={`Remove ${movie.label}`}
                      onClick={() => props.onHistoryChange(history.filter((_, j) => j !== i))}
                    >
                      ×
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="hint">Add movies in the order you watched them: the last one is where the model scores what comes next.</p>
          )}
        </div>
      )}
      <div className="form-row form-footer">
        <ProviderSelect providers={providers} value={provider} onChange={props.onProviderChange} inline />
        <button type="submit" className="primary" disabled={busy || !ready}>
          {busy ? 'Recommending…' : 'Recommend'}
        </button>
      </div>
    </form>
  );
}
