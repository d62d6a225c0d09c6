// A hint for run-time failures in a Reshape whose target sizes are fixed in the graph: TorchScript
// exports (e.g. of nn.MultiheadAttention) bake the export's sequence length or batch·heads in.
import type { OnnxModel } from '../onnx/proto.ts';
import { constantIntegers, indexGraph, type GraphIndex } from './graph-index.ts';

/** The pieces of a Reshape target shape: constants as numbers, computed pieces as undefined. */
function shapePieces(index: GraphIndex, shape: string): (number | undefined)[] | undefined {
  const constant = constantIntegers(index, shape);
  if (constant) return constant;
  const concat = index.producers.get(shape);
  if (concat?.opType !== 'Concat') return undefined;
  return concat.input.flatMap((piece) => {
    const values = piece ? constantIntegers(index, piece) : undefined;
    return values ?? [undefined];
  });
}

/**
 * When ONNX Runtime's error names a failing Reshape node whose target shape has positive sizes
 * fixed in the graph, a sentence saying so and what to do; otherwise undefined.
 */
export function fixedReshapeHint(model: OnnxModel, ortMessage: string): string | undefined {
  const nodeName = /running Reshape node\. Name:'([^']*)'/.exec(ortMessage)?.[1];
  const node = nodeName ? model.graph.node.find((n) => n.opType === 'Reshape' && n.name === nodeName) : undefined;
  if (!node?.input[1]) return undefined;
  const pieces = shapePieces(indexGraph(model.graph), node.input[1]);
  if (!pieces?.some((piece) => piece !== undefined && piece > 0)) return undefined;
  const shape = `[${pieces.map((piece) => piece ?? '?').join(', ')}]`;
  return `Reshape ${JSON.stringify(nodeName)} has target sizes fixed in the graph ${shape}; if they are the sizes the model was exported with (TorchScript exports of nn.MultiheadAttention bake in the sequence length or batch·heads), re-export with torch.onnx.export(..., dynamo=True) or run at the exported sizes`;
}
