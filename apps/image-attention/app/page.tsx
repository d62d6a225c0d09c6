// The image-attention page: server-renders the image models with their limits and held-out examples (their
// pictures inlined) and hands them to the interactive explorer, which calls /api/explain and /api/deletion.
import { PROVIDER_MENU } from '@attn/server';
import { ImageExplorer } from '../components/image-explorer.tsx';
import { imageModelEntry } from '../src/image-model-entry.ts';
import { IMAGE_MODELS } from '../src/image-models.ts';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <>
      <header className="page-header">
        <h1>Where does the vision transformer look?</h1>
        <p>
          Pick a held-out digit — plain, or hidden in a cluttered picture — upload an image or draw one. See the prediction, the attention
          from the [CLS] token to every patch for each layer and head, rollout and attention flow through all layers, whether the attention
          finds the digit’s box, and what happens when the most-attended patches are blanked.
        </p>
      </header>
      <ImageExplorer models={IMAGE_MODELS.map(imageModelEntry)} providers={[...PROVIDER_MENU]} />
    </>
  );
}
