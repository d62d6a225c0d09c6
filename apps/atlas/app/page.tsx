// The atlas' landing page: a card for every app (src/apps.ts), the domain apps' cards with the live attention
// of their domain's first shipped model on its first example, served by this atlas' own /api/explain.
import { AppCards } from '../components/app-cards.tsx';

export default function Page() {
  return (
    <>
      <header className="page-header">
        <h1>Attention Atlas</h1>
        <p>
          Where a model looks — on text, on images and on a recommender’s history. Each card below opens an app; the three domain cards run
          that domain’s first shipped model on its first example right now and draw the attention row its prediction is read from.
        </p>
      </header>
      <AppCards />
    </>
  );
}
