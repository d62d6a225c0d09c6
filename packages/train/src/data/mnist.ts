// Loader for MNIST's IDX files (gzip): the 10,000-image t10k split in ../shared/data/image, with
// the big-endian headers, magic numbers and sizes checked (E_DATA naming the file and the problem).
import { gunzipSync } from 'node:zlib';
import { AttentionError, dataDir } from '@attn/core';
import { readDataFile, type TextDataset } from './text-dataset.ts';

const FILES = { images: 'image/t10k-images-idx3-ubyte.gz', labels: 'image/t10k-labels-idx1-ubyte.gz' } as const;
const IMAGES_MAGIC = 2051;
const LABELS_MAGIC = 2049;

/** One greyscale digit: row-major uint8 pixels (0 = background, 255 = ink) and its class. */
export interface DigitImage {
  /** Position in the source file, a stable id across splits. */
  index: number;
  label: number;
  pixels: Uint8Array;
}

export interface DigitDataset {
  name: string;
  /** '0' … '9'. */
  labels: string[];
  height: number;
  width: number;
  examples: DigitImage[];
  source: TextDataset['source'];
}

function gunzip(bytes: Buffer, file: string): Buffer {
  try {
    return gunzipSync(bytes);
  } catch (cause) {
    throw new AttentionError('E_DATA', `${file}: not a gzip file (${(cause as Error).message})`, { cause });
  }
}

/** The big-endian uint32 header words, after checking the payload is long enough to hold them. */
function header(bytes: Buffer, words: number, file: string): number[] {
  if (bytes.length < words * 4)
    throw new AttentionError('E_DATA', `${file}: ${bytes.length} bytes, too short for its ${words * 4}-byte IDX header`);
  return Array.from({ length: words }, (_, i) => bytes.readUInt32BE(i * 4));
}

/** Images of an idx3-ubyte payload: magic 2051, count, rows, cols, then count·rows·cols bytes. */
export function readIdxImages(bytes: Buffer, file: string): { count: number; rows: number; cols: number; pixels: Uint8Array } {
  const [magic, count, rows, cols] = header(bytes, 4, file) as [number, number, number, number];
  if (magic !== IMAGES_MAGIC)
    throw new AttentionError('E_DATA', `${file}: magic number ${magic}, expected ${IMAGES_MAGIC} (IDX unsigned-byte images)`);
  const expected = 16 + count * rows * cols;
  if (bytes.length !== expected) {
    throw new AttentionError('E_DATA', `${file}: ${bytes.length} bytes, expected ${expected} for ${count} images of ${rows}×${cols}`);
  }
  return { count, rows, cols, pixels: new Uint8Array(bytes.buffer, bytes.byteOffset + 16, count * rows * cols) };
}

/** Labels of an idx1-ubyte payload: magic 2049, count, then count bytes. */
export function readIdxLabels(bytes: Buffer, file: string): Uint8Array {
  const [magic, count] = header(bytes, 2, file) as [number, number];
  if (magic !== LABELS_MAGIC)
    throw new AttentionError('E_DATA', `${file}: magic number ${magic}, expected ${LABELS_MAGIC} (IDX unsigned-byte labels)`);
  if (bytes.length !== 8 + count)
    throw new AttentionError('E_DATA', `${file}: ${bytes.length} bytes, expected ${8 + count} for ${count} labels`);
  const labels = new Uint8Array(bytes.buffer, bytes.byteOffset + 8, count);
  const bad = labels.findIndex((label) => label > 9);
  if (bad >= 0) throw new AttentionError('E_DATA', `${file}: label ${labels[bad]} at index ${bad} is not a digit 0–9`);
  return labels;
}

export function loadMnist(root: string = dataDir()): DigitDataset {
  const images = readIdxImages(gunzip(readDataFile(FILES.images, root), FILES.images), FILES.images);
  const labels = readIdxLabels(gunzip(readDataFile(FILES.labels, root), FILES.labels), FILES.labels);
  if (labels.length !== images.count) {
    throw new AttentionError('E_DATA', `${FILES.labels} holds ${labels.length} labels but ${FILES.images} holds ${images.count} images`);
  }
  const size = images.rows * images.cols;
  return {
    name: 'mnist-t10k',
    labels: Array.from({ length: 10 }, (_, digit) => String(digit)),
    height: images.rows,
    width: images.cols,
    examples: Array.from(labels, (label, index) => ({ index, label, pixels: images.pixels.slice(index * size, (index + 1) * size) })),
    source: {
      title: 'MNIST handwritten digits, test split (t10k), 10,000 images of 28×28',
      url: 'http://yann.lecun.com/exdb/mnist/',
      licence: 'CC BY-SA 3.0, Yann LeCun and Corinna Cortes',
      citation:
        'Y. LeCun, L. Bottou, Y. Bengio, P. Haffner. 1998. Gradient-based learning applied to document recognition. Proceedings of the IEEE 86(11):2278–2324.',
      files: [FILES.images, FILES.labels],
    },
  };
}
