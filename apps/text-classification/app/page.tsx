// The text-classification page: server-renders the model list, limits and examples, and hands
// them to the interactive explorer (which calls POST /api/explain).
import { Explorer } from '../components/explorer.tsx';
import { EXECUTION_PROVIDER_CHOICES } from '../src/explain-request.ts';
import { modelCatalog } from '../src/model-catalog.ts';

export default function Page() {
  const catalog = modelCatalog();
  return (
    <>
      <header className="page-header">
        <h1>Where does the classifier look?</h1>
        <p>
          Type a sentence, pick a model, and see its prediction with the attention behind it: each token shaded by the
          weight the model gives it, the lines each attention head draws, and every layer and head side by side.
        </p>
      </header>
      <Explorer models={catalog.models} limits={catalog.limits} providers={[...EXECUTION_PROVIDER_CHOICES]} />
    </>
  );
}
