// Which files a model's tensors keep their bytes in (ONNX external data: `data_location` EXTERNAL and a `location`
// relative to the model file), found wherever a tensor can sit: initializers, node attributes, subgraphs, sparse tensors
// and local functions. ONNX Runtime takes only the first three from the files a session is given.
import type { OnnxAttribute, OnnxGraph, OnnxModel, OnnxNode, OnnxSparseTensor, OnnxTensor } from './proto.ts';

const EXTERNAL = 1;

/** Where a tensor sits: dense in the graph (an initializer or an attribute, subgraphs included), in a sparse tensor, or in a local function. */
type TensorPlace = 'graph' | 'a sparse tensor' | 'a local function';
interface PlacedTensor {
  tensor: OnnxTensor;
  place: TensorPlace;
}

const placed = (tensors: readonly (OnnxTensor | undefined)[], place: TensorPlace): PlacedTensor[] =>
  tensors.filter((tensor) => tensor !== undefined).map((tensor) => ({ tensor, place }));

const sparseParts = (sparse: readonly OnnxSparseTensor[]): PlacedTensor[] =>
  placed(
    sparse.flatMap((s) => [s.values, s.indices]),
    'a sparse tensor',
  );

function attributeTensors(attribute: OnnxAttribute): PlacedTensor[] {
  return [
    ...placed([attribute.t, ...(attribute.tensors ?? [])], 'graph'),
    ...sparseParts([...(attribute.sparseTensor ? [attribute.sparseTensor] : []), ...(attribute.sparseTensors ?? [])]),
    ...[...(attribute.g ? [attribute.g] : []), ...(attribute.graphs ?? [])].flatMap(graphTensors),
  ];
}

const nodeTensors = (nodes: readonly OnnxNode[] | undefined): PlacedTensor[] =>
  (nodes ?? []).flatMap((node) => (node.attribute ?? []).flatMap(attributeTensors));

function graphTensors(graph: OnnxGraph): PlacedTensor[] {
  return [...placed(graph.initializer ?? [], 'graph'), ...sparseParts(graph.sparseInitializer ?? []), ...nodeTensors(graph.node)];
}

/** Every external tensor of the model with where it sits. */
function externalTensors(model: OnnxModel): PlacedTensor[] {
  const inFunctions = (model.functions ?? [])
    .flatMap((fn) => nodeTensors(fn.node))
    .map(({ tensor }) => ({ tensor, place: 'a local function' as const }));
  return [...graphTensors(model.graph), ...inFunctions].filter(({ tensor }) => tensor.dataLocation === EXTERNAL);
}

/** The distinct external-data locations of a model, with one tensor name that uses each. */
export function externalDataLocations(model: OnnxModel): Map<string, string> {
  const locations = new Map<string, string>();
  for (const { tensor } of externalTensors(model)) {
    const location = tensor.externalData?.find((entry) => entry.key === 'location')?.value ?? '';
    if (!locations.has(location)) locations.set(location, tensor.name ?? '(unnamed tensor)');
  }
  return locations;
}

/**
 * The first external tensor that ONNX Runtime would read from a path relative to the working directory rather than
 * take from the session's files (one in a sparse tensor or a local function); undefined when there is none.
 */
export function externalTensorOutsideSession(model: OnnxModel): { name: string; place: TensorPlace } | undefined {
  const found = externalTensors(model).find(({ place }) => place !== 'graph');
  return found && { name: found.tensor.name ?? '(unnamed tensor)', place: found.place };
}
