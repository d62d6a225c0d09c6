// The text-classification page: server-renders the models with their limits and examples (read from
// their folders) and hands them to the interactive explorer, which calls POST /api/explain.
import { listEntry, PROVIDER_MENU, type ModelListEntry } from '@attn/server';
import type { TextInput } from '@attn/task-text';
import { Explorer } from '../components/explorer.tsx';
import { attentionLayoutOf } from '../src/attention-layout.ts';
import { parseShareState } from '../src/share-state.ts';
import { TEXT_MODELS } from '../src/text-models.ts';

export const dynamic = 'force-dynamic';

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // a shared link's model, text and view (each value's first occurrence)
  const query = Object.entries(await searchParams).flatMap(([key, value]) =>
    value === undefined ? [] : [[key, Array.isArray(value) ? value[0]! : value]],
  );
  const initial = parseShareState(new URLSearchParams(query));
  // each with its attention layout, for the long-input rule (components/long-input-view.tsx)
  const models = TEXT_MODELS.map((m) => ({ ...listEntry(m), attentionLayout: attentionLayoutOf(m) })) as ModelListEntry<TextInput>[];
  return (
    <>
      <header className="page-header">
        <h1>Where does the classifier look?</h1>
        <p>
          Type a sentence, pick a model, and see its prediction with the attention behind it: each token shaded by the weight the model
          gives it, the lines each attention head draws, and every layer and head side by side.
        </p>
      </header>
      <Explorer models={models} providers={[...PROVIDER_MENU]} initial={initial} />
    </>
  );
}
