// The child of child-cases.test.ts: reports the square of each case, except that case 2 and case 5 abort the
// process (as a native library's abort would) and case 7 never ends.
import { childCaseRange, reportCase, reportCaseStart } from '../src/child-cases.ts';

const { first, end } = childCaseRange();
for (let index = first; index < end; index++) {
  reportCaseStart(index);
  if (index === 2 || index === 5) process.abort();
  if (index === 7) await new Promise(() => setInterval(() => undefined, 1_000));
  reportCase(index, { square: index * index });
}
