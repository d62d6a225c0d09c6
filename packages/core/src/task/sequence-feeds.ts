// Removing one position of a single-row sequence input: every feed of shape [1, S] loses column
// `index`, and so do the key labels. The perturbation of domains whose inputs are token sequences.
import { Tensor } from 'onnxruntime-node';
import { AttentionError } from '../errors.ts';
import type { EncodedInput } from './domain.ts';

function withoutColumn(tensor: Tensor, index: number): Tensor {
  const keep = (_: unknown, i: number) => i !== index;
  const length = tensor.dims[1]! - 1;
  if (tensor.type === 'int64') return new Tensor('int64', (tensor.data as BigInt64Array).filter(keep), [1, length]);
  if (tensor.type === 'float32') return new Tensor('float32', (tensor.data as Float32Array).filter(keep), [1, length]);
  if (tensor.type === 'bool') return new Tensor('bool', (tensor.data as Uint8Array).filter(keep), [1, length]);
  throw new AttentionError('E_INPUT', `cannot drop a position of a ${tensor.type} feed`);
}

/** `encoded` with position `index` removed from every [1, S] feed and from its tokens (the readout query follows its row); other feeds kept. */
export function withoutSequencePosition(encoded: EncodedInput, index: number): EncodedInput {
  const entries = Object.entries(encoded.feeds);
  const length = entries.find(([, tensor]) => tensor.dims.length === 2 && tensor.dims[0] === 1)?.[1].dims[1];
  if (length === undefined) throw new AttentionError('E_INPUT', 'the input has no [1, sequence] feed to drop a position from');
  if (length <= 1) throw new AttentionError('E_INPUT', 'cannot drop the only position of the input', { field: 'dropIndex' });
  const sequence = (tensor: Tensor) => tensor.dims.length === 2 && tensor.dims[0] === 1 && tensor.dims[1] === length;
  const feeds = Object.fromEntries(entries.map(([name, tensor]) => [name, sequence(tensor) ? withoutColumn(tensor, index) : tensor]));
  const keep = (_: unknown, i: number) => i !== index;
  const readout = encoded.readoutQuery;
  return {
    feeds,
    ...(encoded.tokens ? { tokens: encoded.tokens.filter(keep) } : {}),
    ...(encoded.queryTokens ? { queryTokens: encoded.queryTokens } : {}),
    ...(readout === undefined || readout === index ? {} : { readoutQuery: readout > index ? readout - 1 : readout }),
  };
}
