// Which files a model's tensors keep their bytes in (ONNX external data: `data_location`
// EXTERNAL and a `location` relative to the model file), found in the graph and its subgraphs.
import type { OnnxAttribute, OnnxGraph, OnnxModel, OnnxTensor } from './proto.ts';

const EXTERNAL = 1;

function attributeTensors(attribute: OnnxAttribute): OnnxTensor[] {
  return [...(attribute.t ? [attribute.t] : []), ...(attribute.g ? graphTensors(attribute.g) : [])];
}

function graphTensors(graph: OnnxGraph): OnnxTensor[] {
  return [...(graph.initializer ?? []), ...(graph.node ?? []).flatMap((node) => (node.attribute ?? []).flatMap(attributeTensors))];
}

/** The distinct external-data locations of a model, with one tensor name that uses each. */
export function externalDataLocations(model: OnnxModel): Map<string, string> {
  const locations = new Map<string, string>();
  for (const tensor of graphTensors(model.graph)) {
    if (tensor.dataLocation !== EXTERNAL) continue;
    const location = tensor.externalData?.find((entry) => entry.key === 'location')?.value ?? '';
    if (!locations.has(location)) locations.set(location, tensor.name ?? '(unnamed tensor)');
  }
  return locations;
}
