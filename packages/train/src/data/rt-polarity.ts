// Loader for Pang & Lee's sentence polarity data (rt-polarity.pos / .neg): single-byte
// windows-1252 text, one lower-cased, pre-tokenised movie-review snippet per line.
import { AttentionError, dataDir } from '@attn/core';
import { readDataFile, type LabelledText, type TextDataset } from './text-dataset.ts';

const FILES = { negative: 'text/rt-polarity.neg', positive: 'text/rt-polarity.pos' } as const;

function decodeLines(bytes: Buffer): string[] {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export function loadRtPolarity(root: string = dataDir()): TextDataset {
  const examples: LabelledText[] = [];
  const labels = ['negative', 'positive'];
  for (const [label, name] of labels.entries()) {
    const lines = decodeLines(readDataFile(FILES[name as keyof typeof FILES], root));
    if (lines.length === 0) throw new AttentionError('E_DATA', `${FILES[name as keyof typeof FILES]} under ${root} has no lines`);
    for (const text of lines) examples.push({ text, label });
  }
  return {
    name: 'rt-polarity',
    labels,
    examples,
    source: {
      title: 'Sentence polarity dataset v1.0 (Pang & Lee, rt-polarity)',
      url: 'http://www.cs.cornell.edu/people/pabo/movie-review-data/',
      licence: 'no explicit licence upstream; distributed publicly by Cornell for research, cite the paper',
      citation: 'Bo Pang and Lillian Lee. 2005. Seeing stars: Exploiting class relationships for sentiment categorization with respect to rating scales. ACL 2005.',
      files: [FILES.positive, FILES.negative],
    },
  };
}
