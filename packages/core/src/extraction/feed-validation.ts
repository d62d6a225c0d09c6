// Checks feeds against the graph's declared inputs before ONNX Runtime sees them: unknown or
// missing names, element types, ranks, fixed dims and shared symbolic dims, each an E_INPUT error.
import { AttentionError, oneLine } from '../errors.ts';
import type { OnnxModel, OnnxValueInfo } from '../onnx/proto.ts';

/** ONNX TensorProto.DataType → the onnxruntime-node tensor type name. */
const ORT_TYPE_NAMES: Record<number, string> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  12: 'uint32',
  13: 'uint64',
};

export interface TensorSpec {
  name: string;
  /** onnxruntime-node type name; undefined when the graph does not declare it. */
  type?: string;
  /** Fixed sizes as numbers, symbolic ones as their name (or '?'); undefined when no shape is declared. */
  dims?: (number | string)[];
}

export interface GraphInputSpec extends TensorSpec {
  /** False for inputs that have an initializer (IR < 4 lists weights as inputs). */
  required: boolean;
}

/** A tensor as feeds carry it: what onnxruntime-node's Tensor exposes. */
export interface FeedTensor {
  type: string;
  dims: readonly number[];
}

/** The declared type and shape of a graph input or output. */
export function tensorSpec(info: OnnxValueInfo): TensorSpec {
  const tensorType = info.type?.tensorType;
  const type = tensorType?.elemType !== undefined ? ORT_TYPE_NAMES[tensorType.elemType] : undefined;
  const dims = tensorType?.shape?.dim?.map((d) => (d.dimValue !== undefined ? d.dimValue : (d.dimParam ?? '?')));
  return { name: info.name, ...(type !== undefined ? { type } : {}), ...(dims !== undefined ? { dims } : {}) };
}

export function graphInputSpecs(model: OnnxModel): GraphInputSpec[] {
  const initializers = new Set((model.graph.initializer ?? []).map((t) => t.name));
  return model.graph.input.map((input) => ({ ...tensorSpec(input), required: !initializers.has(input.name) }));
}

export function describeInputSpec(spec: TensorSpec): string {
  const dims = spec.dims?.map((d) => (typeof d === 'string' ? oneLine(d) : d));
  return `${spec.type ?? 'tensor'} [${dims?.join(', ') ?? '?'}]`;
}

function isFeedTensor(value: unknown): value is FeedTensor {
  const candidate = value as FeedTensor | null;
  return typeof candidate?.type === 'string' && Array.isArray(candidate.dims);
}

export function validateFeeds(specs: GraphInputSpec[], feeds: Record<string, unknown>): void {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const expectedNames = specs.filter((s) => s.required).map((s) => s.name);
  for (const name of Object.keys(feeds)) {
    if (!byName.has(name)) {
      throw new AttentionError(
        'E_INPUT',
        `unknown input ${JSON.stringify(name)}; the model's inputs are: ${expectedNames.map(oneLine).join(', ') || '(none)'}`,
      );
    }
  }
  const symbols = new Map<string, { input: string; size: number }>();
  for (const spec of specs) {
    const feed = feeds[spec.name];
    if (feed === undefined) {
      if (spec.required) throw new AttentionError('E_INPUT', `missing input ${JSON.stringify(spec.name)} (${describeInputSpec(spec)})`);
      continue;
    }
    if (!isFeedTensor(feed)) {
      throw new AttentionError('E_INPUT', `input ${JSON.stringify(spec.name)} is not a tensor (expected ${describeInputSpec(spec)})`);
    }
    if (spec.type !== undefined && feed.type !== spec.type) {
      throw new AttentionError('E_INPUT', `input ${JSON.stringify(spec.name)}: expected type ${spec.type}, got ${feed.type}`);
    }
    if (spec.dims === undefined) continue;
    const got = `[${feed.dims.join(', ')}]`;
    if (feed.dims.length !== spec.dims.length) {
      throw new AttentionError(
        'E_INPUT',
        `input ${JSON.stringify(spec.name)}: expected rank ${spec.dims.length} ${describeInputSpec(spec)}, got dims ${got}`,
      );
    }
    spec.dims.forEach((expected, axis) => {
      const size = feed.dims[axis]!;
      if (typeof expected === 'number' && expected > 0 && size !== expected) {
        throw new AttentionError(
          'E_INPUT',
          `input ${JSON.stringify(spec.name)}: dimension ${axis} must be ${expected} (${describeInputSpec(spec)}), got dims ${got}`,
        );
      }
      if (typeof expected === 'string' && expected !== '?') {
        const earlier = symbols.get(expected);
        if (earlier && earlier.size !== size) {
          throw new AttentionError(
            'E_INPUT',
            `input ${JSON.stringify(spec.name)}: dimension ${axis} (${JSON.stringify(expected)}) is ${size} but input ${JSON.stringify(earlier.input)} has ${JSON.stringify(expected)} = ${earlier.size}`,
          );
        }
        symbols.set(expected, { input: spec.name, size });
      }
    });
  }
}
