// Loader for Pang & Lee's sentence polarity data (rt-polarity.pos / .neg): single-byte
// windows-1252 text, one lower-cased, pre-tokenised movie-review snippet per line.
import { AttentionError, dataDir } from '@attn/core';
import { readDataFile, type LabelledText, type TextDataset } from './text-dataset.ts';

const FILES = { negative: 'text/rt-polarity.neg', positive: 'text/rt-polarity.pos' } as const;

// Windows-1252 bytes 0x80–0x9F (Node's TextDecoder('windows-1252') leaves them as C1 controls,
// which BERT normalisation would delete); the five unassigned bytes keep their latin-1 code point.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes single-byte windows-1252 text. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b)));
  }
  return out;
}

function decodeLines(bytes: Buffer): string[] {
  return decodeWindows1252(bytes)
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
      citation:
        'Bo Pang and Lillian Lee. 2005. Seeing stars: Exploiting class relationships for sentiment categorization with respect to rating scales. ACL 2005.',
      files: [FILES.positive, FILES.negative],
    },
  };
}
