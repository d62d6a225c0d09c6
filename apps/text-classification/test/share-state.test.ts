// The URL state of the page and of the compare page: any state reads back as written (fast-check), bad values are dropped
// rather than refused, and the head flags convert to indices and back.
import { describe, expect, it } from 'vitest';
import { fc } from '@attn/fuzz';
import { COMPARE_MODES, compareQuery, parseCompareState, type CompareState } from '../src/compare-state.ts';
import { activeHeadsOf, HEAD_TABS, parseShareState, shareQuery, shownHeads, type ShareState } from '../src/share-state.ts';

const weights = fc.oneof(
  fc.constant({ mode: 'rollout' as const }),
  fc.record({ mode: fc.constant('mean' as const), layer: fc.nat(40) }),
  fc.record({ mode: fc.constant('head' as const), layer: fc.nat(40), head: fc.nat(40) }),
);
const state: fc.Arbitrary<ShareState> = fc.record(
  {
    model: fc.stringMatching(/^[\w.-]{1,30}$/),
    text: fc.string({ minLength: 1, maxLength: 80 }),
    textB: fc.string({ minLength: 1, maxLength: 80 }),
    tab: fc.constantFrom(...HEAD_TABS),
    layer: fc.nat(40),
    heads: fc.uniqueArray(fc.nat(15), { maxLength: 6 }),
    weights,
  },
  { requiredKeys: [] },
);

describe('share state in the query string', () => {
  it('reads back every state as written', () => {
    fc.assert(
      fc.property(state, (s) => {
        expect(parseShareState(shareQuery(s))).toEqual(s);
      }),
      { seed: 19, numRuns: 300 },
    );
  });

  it('drops values it cannot use', () => {
    const parsed = parseShareState('model=../x&tab=nope&layer=-1&heads=1,a&weights=head:1&text=ok');
    expect(parsed).toEqual({ text: 'ok' });
    expect(parseShareState('weights=mean:2:3&layer=99999')).toEqual({});
    expect(parseShareState(`text=${'x'.repeat(5000)}`).text).toHaveLength(3072);
  });

  it('turns the shown heads into indices and back', () => {
    expect(shownHeads([true, true])).toBeUndefined();
    expect(shownHeads([false, true, false, true])).toEqual([1, 3]);
    expect(activeHeadsOf([1, 3, 9], 4)).toEqual([false, true, false, true]);
    expect(activeHeadsOf(undefined, 4)).toBeUndefined();
  });
});

describe('compare state in the query string', () => {
  const compare: fc.Arbitrary<CompareState> = fc.record(
    {
      mode: fc.constantFrom(...COMPARE_MODES),
      modelA: fc.stringMatching(/^[\w.-]{1,30}$/),
      modelB: fc.stringMatching(/^[\w.-]{1,30}$/),
      textA: fc.string({ minLength: 1, maxLength: 80 }),
      textB: fc.string({ minLength: 1, maxLength: 80 }),
    },
    { requiredKeys: [] },
  );

  it('reads back every state as written, and drops what it cannot use', () => {
    fc.assert(
      fc.property(compare, (s) => {
        expect(parseCompareState(compareQuery(s))).toEqual(s);
      }),
      { seed: 19, numRuns: 300 },
    );
    expect(parseCompareState('mode=both&a=x/y&b=text-spam')).toEqual({ modelB: 'text-spam' });
  });
});
