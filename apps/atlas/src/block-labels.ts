// Axis labels for a matrix averaged in blocks (viz's downsampleMatrix): a block of one position keeps its
// label, a wider block is named by its range of positions ("8–15"), with the same boundaries as the averaging.

/** One label per block when `labels.length` positions are averaged into `blocks` blocks. */
export function blockLabels(labels: readonly string[], blocks: number): string[] {
  const count = labels.length;
  if (blocks >= count) return [...labels];
  return Array.from({ length: blocks }, (_, b) => {
    const first = Math.floor((b * count) / blocks);
    const last = Math.floor(((b + 1) * count) / blocks) - 1;
    return first === last ? labels[first]! : `${first}–${last}`;
  });
}
