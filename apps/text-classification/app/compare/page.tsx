// The compare page: two models on one text, or one model on two texts, side by side — the served models with their limits
// and examples rendered on the server, the link's choice read from the query string.
import { listEntry, type ModelListEntry } from '@attn/server';
import type { TextInput } from '@attn/task-text';
import { CompareExplorer } from '../../components/compare-explorer.tsx';
import { parseCompareState } from '../../src/compare-state.ts';
import { TEXT_MODELS } from '../../src/text-models.ts';

export const dynamic = 'force-dynamic';

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = Object.entries(await searchParams).flatMap(([key, value]) =>
    value === undefined ? [] : [[key, Array.isArray(value) ? value[0]! : value]],
  );
  const models = TEXT_MODELS.map((m) => listEntry(m)) as ModelListEntry<TextInput>[];
  return (
    <>
      <header className="page-header">
        <h1>Side by side</h1>
        <p>Two models on the same text, or one model on two texts: each column has its own prediction, token heat and attention heads.</p>
      </header>
      <CompareExplorer models={models} initial={parseCompareState(new URLSearchParams(query))} />
    </>
  );
}
