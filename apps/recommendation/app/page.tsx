// The recommendation page: server-renders the models with their limits and example users (read from
// their folders) and hands them to the interactive explorer, which calls the API routes.
import { PROVIDER_MENU } from '@attn/server';
import { Explorer } from '../components/explorer.tsx';
import { pageModels } from '../src/page-models.ts';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <>
      <header className="page-header">
        <h1>Which movies drove the recommendation?</h1>
        <p>
          Pick a MovieLens user or build a history from titles, and see what a self-attention recommender suggests next. For any
          recommendation, each movie of the history shows the attention the model gave it beside the exact change in the score when that
          movie is removed — and how well the two agree.
        </p>
      </header>
      <Explorer models={pageModels()} providers={[...PROVIDER_MENU]} />
    </>
  );
}
