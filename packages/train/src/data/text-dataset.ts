// The labelled-text data set shape every loader returns, and the helper that reads a data file
// from the shared data folder or explains where it looked and how to point ATTN_DATA_DIR at it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttentionError, dataDir } from '@attn/core';

export interface LabelledText {
  text: string;
  /** Index into the data set's `labels`. */
  label: number;
}

/** Where a data set comes from and under what terms, for the model card. */
export interface DatasetSource {
  title: string;
  url: string;
  licence: string;
  citation: string;
  /** Paths under the data folder. */
  files: string[];
}

export interface TextDataset {
  name: string;
  /** Label names by index, e.g. ['negative', 'positive']. */
  labels: string[];
  examples: LabelledText[];
  source: DatasetSource;
}

/** The bytes of `relativePath` under the data folder, or E_DATA naming the path looked at. */
export function readDataFile(relativePath: string, root: string = dataDir()): Buffer {
  const path = join(root, relativePath);
  if (!existsSync(path)) {
    throw new AttentionError(
      'E_DATA',
      `data file not found: ${path} (data folder ${root}); set ATTN_DATA_DIR to the folder that holds ${relativePath}, ` +
        'or run `pnpm attn data fetch` to download it',
    );
  }
  return readFileSync(path);
}
