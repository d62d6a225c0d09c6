// runCasesInChildren: every case gets an outcome: the child's report, or how the child died or hung inside it,
// and the cases after a dead one run in a new child.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCasesInChildren } from '../src/child-cases.ts';

const CHILD = fileURLToPath(new URL('./child-cases-child.ts', import.meta.url));

describe('runCasesInChildren', () => {
  it('reports each case, names the ones that aborted or hung, and goes on after them', async () => {
    const outcomes = await runCasesInChildren({ args: ['--import', 'tsx', CHILD], cases: 10, batch: 4, parallel: 2, stallMs: 2_000 });
    expect(outcomes.map((o) => o.outcome)).toEqual([
      'reported',
      'reported',
      'died',
      'reported',
      'reported',
      'died',
      'reported',
      'hung',
      'reported',
      'reported',
    ]);
    expect(outcomes[2]).toMatchObject({ case: 2, outcome: 'died', exit: 'signal SIGABRT' });
    expect(outcomes[9]).toEqual({ case: 9, outcome: 'reported', report: { square: 81 } });
  }, 60_000);
});
