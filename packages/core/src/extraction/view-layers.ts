// Turns the outputs of an in-graph view (attention-views.ts) into attn-maps/v1 layers: dense head means,
// query rows and the rollout, or the sparse top-k layers with their dense shape.
import type * as ort from 'onnxruntime-node';
import { AttentionError } from '../errors.ts';
import { float16BitsToFloat32 } from '../format/binary-codec.ts';
import type { AttentionLayer, AttentionLayerKind, SparseAttentionLayer } from '../format/types.ts';
import type { AttentionView, ViewGraph } from './attention-views.ts';

type Shape = [number, number, number, number];

function floatData(tensor: ort.Tensor, what: string): Float32Array {
  const { data } = tensor;
  if (data instanceof Float32Array) return data;
  if (data instanceof Float64Array) return Float32Array.from(data);
  if (tensor.type === 'float16' && data instanceof Uint16Array) return Float32Array.from(data, float16BitsToFloat32);
  throw new AttentionError('E_MODEL', `${what} came out as ${tensor.type}; expected float32, float16 or float64`);
}

function tensorOf(results: ort.InferenceSession.ReturnType, name: string): ort.Tensor {
  const tensor = results[name];
  if (!tensor) throw new AttentionError('E_RUNTIME', `ONNX Runtime returned no value for view output "${name}"`);
  return tensor;
}

function fourDims(tensor: ort.Tensor, what: string): Shape {
  const dims = tensor.dims;
  if (dims.length === 4) return [...dims] as Shape;
  if (dims.length === 3) return [dims[0]!, 1, dims[1]!, dims[2]!];
  throw new AttentionError('E_MODEL', `${what} has dims [${dims.join(', ')}]; expected rank 3 or 4`);
}

/** An attention node the view read, with the rank of its probabilities (2: pooling). */
interface ViewedNode {
  name: string;
  rank?: number;
}

function kindOf(shape: Shape, node?: ViewedNode): AttentionLayerKind {
  if (node?.rank === 2) return 'pooling';
  return shape[2] === shape[3] ? 'self' : 'cross';
}

/** The run result of `view` from the session's `results`, `nodes` being the attention nodes the view read. */
export function viewLayersFromResults(
  nodes: readonly ViewedNode[],
  view: Exclude<AttentionView, 'full'>,
  graph: ViewGraph,
  results: ort.InferenceSession.ReturnType,
): { layers: AttentionLayer[]; sparseLayers?: SparseAttentionLayer[] } {
  if (view === 'rollout') {
    const tensor = tensorOf(results, graph.layers[0]!.values);
    const shape = fourDims(tensor, 'the rollout');
    return { layers: [{ name: 'rollout', kind: kindOf(shape), shape, data: floatData(tensor, 'the rollout') }] };
  }
  if (typeof view === 'object' && 'topK' in view) {
    const sparseLayers = nodes.map((node, i): SparseAttentionLayer => {
      const outputs = graph.layers[i]!;
      const values = tensorOf(results, outputs.values);
      const shape = Array.from(tensorOf(results, outputs.shape!).data as BigInt64Array, Number) as Shape;
      return {
        name: node.name,
        kind: kindOf(shape, node),
        shape,
        topK: values.dims[3]!,
        values: floatData(values, `top-k of "${node.name}"`),
        indices: tensorOf(results, outputs.indices!).data as Int32Array,
      };
    });
    return { layers: [], sparseLayers };
  }
  const layers = nodes.map((node, i): AttentionLayer => {
    const tensor = tensorOf(results, graph.layers[i]!.values);
    const shape = fourDims(tensor, `the view of "${node.name}"`);
    const kind = view === 'head-mean' ? kindOf(shape, node) : 'pooling';
    return { name: node.name, kind, shape, data: floatData(tensor, `the view of "${node.name}"`) };
  });
  return { layers };
}
