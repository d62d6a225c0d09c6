// Turns the exposed Softmax outputs into attn-maps/v1 layers [batch, heads, queries, keys]:
// rank 4 as is, PyTorch's rank-3 [B·H, Q, K] split into heads, rank-2 pooling as [B, 1, 1, K].
import { AttentionError } from '../errors.ts';
import { float16BitsToFloat32 } from '../format/binary-codec.ts';
import type { AttentionLayer } from '../format/types.ts';
import type { AttentionSoftmaxNode } from './attention-nodes.ts';

/** The parts of an onnxruntime-node output tensor this module reads. */
export interface OutputTensor {
  type: string;
  dims: readonly number[];
  data: unknown;
}

function probabilitiesOf(node: AttentionSoftmaxNode, tensor: OutputTensor): Float32Array {
  const { data } = tensor;
  if (tensor.type === 'float32' && data instanceof Float32Array) return data;
  if (tensor.type === 'float64' && data instanceof Float64Array) return Float32Array.from(data);
  if (tensor.type === 'float16' && data instanceof Uint16Array) return Float32Array.from(data, float16BitsToFloat32);
  throw new AttentionError(
    'E_MODEL',
    `Softmax ${JSON.stringify(node.name)} produced ${tensor.type} probabilities; expected float32, float16 or float64`,
  );
}

/** Heads of a rank-3 [B·H, Q, K] layer: option, graph Reshape, or out-projection width / head dim. */
function headsOfFlattened(node: AttentionSoftmaxNode, headsOption: number | undefined, context?: OutputTensor): number {
  if (headsOption !== undefined) return headsOption;
  if (node.headsFromReshape !== undefined) return node.headsFromReshape;
  const headDim = context?.dims[context.dims.length - 1];
  if (node.outProjectionWidth !== undefined && headDim && node.outProjectionWidth % headDim === 0) {
    return node.outProjectionWidth / headDim;
  }
  throw new AttentionError(
    'E_MODEL',
    `Softmax ${JSON.stringify(node.name)} gives rank-3 [batch·heads, queries, keys] probabilities and the number of heads cannot be read from the graph; pass heads (attn extract --num-heads N)`,
  );
}

export function attentionLayerFromTensor(
  node: AttentionSoftmaxNode,
  tensor: OutputTensor,
  headsOption?: number,
  context?: OutputTensor,
): AttentionLayer {
  const dims = tensor.dims;
  const rank = dims.length;
  const axis = node.axis < 0 ? node.axis + rank : node.axis;
  if (axis !== rank - 1) {
    throw new AttentionError(
      'E_MODEL',
      `Softmax ${JSON.stringify(node.name)} normalises axis ${node.axis} of a rank-${rank} tensor, not the last (key) axis, so its rows are not attention rows`,
    );
  }
  const data = probabilitiesOf(node, tensor);
  const base = { name: node.name, data };
  if (rank === 4) {
    const [b, h, q, k] = dims as [number, number, number, number];
    return { ...base, kind: q === k ? 'self' : 'cross', shape: [b, h, q, k] };
  }
  if (rank === 3) {
    const [bh, q, k] = dims as [number, number, number];
    const heads = headsOfFlattened(node, headsOption, context);
    if (bh % heads !== 0) {
      throw new AttentionError(
        'E_INPUT',
        `Softmax ${JSON.stringify(node.name)}: first dimension ${bh} (batch·heads) is not a multiple of heads = ${heads}`,
      );
    }
    return { ...base, kind: q === k ? 'self' : 'cross', shape: [bh / heads, heads, q, k] };
  }
  if (rank === 2) {
    const [b, k] = dims as [number, number];
    return { ...base, kind: 'pooling', shape: [b, 1, 1, k] };
  }
  throw new AttentionError(
    'E_MODEL',
    `Softmax ${JSON.stringify(node.name)} gives rank-${rank} probabilities [${dims.join(', ')}]; attention extraction handles rank 2, 3 and 4`,
  );
}
